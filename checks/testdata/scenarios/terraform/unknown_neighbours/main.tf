# A value unknown until deployment decides only what it is: the subdomain and egress settings below come
# from other resources, but the settings beside them are written out and stay certain.
resource "random_string" "suffix" {
  length  = 6
  special = false
  upper   = false
}

resource "azurerm_cognitive_account" "chat" { # want AIG101 AIG301
  name                               = "oai-chat-${random_string.suffix.result}"
  location                           = "westeurope"
  resource_group_name                = "rg-chat"
  kind                               = "OpenAI"
  sku_name                           = "S0"
  custom_subdomain_name              = "oai-chat-${random_string.suffix.result}"
  outbound_network_access_restricted = random_string.suffix.length > 3
  local_auth_enabled                 = true # want AIG201
}

resource "azapi_resource" "foundry" { # want AIG301
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "aif-chat"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-chat"
  body = {
    kind = "AIServices"
    properties = {
      customSubDomainName = "aif-chat-${random_string.suffix.result}"
      publicNetworkAccess = "Enabled" # want AIG101
      disableLocalAuth    = false     # want AIG201
    }
  }
}
