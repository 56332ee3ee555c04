# Nothing limits the network: azurerm sends public_network_access_enabled = true (public_network_access =
# "Enabled" on azurerm_ai_services) and no network_acls, and an azapi body without publicNetworkAccess
# leaves the service default. Each finding lands on the resource header.

resource "azurerm_cognitive_account" "openai" { # want AIG101
  name                = "oai-aig101-default"
  location            = "swedencentral"
  resource_group_name = "rg-aig101"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_ai_services" "foundry" { # want AIG101
  name                = "ais-aig101-default"
  location            = "swedencentral"
  resource_group_name = "rg-aig101"
  sku_name            = "S0"
}

resource "azapi_resource" "openai" { # want AIG101
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig101-azapi-default"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig101"
  location  = "swedencentral"

  body = {
    kind       = "OpenAI"
    sku        = { name = "S0" }
    properties = { customSubDomainName = "oai-aig101-azapi-default" }
  }
}
