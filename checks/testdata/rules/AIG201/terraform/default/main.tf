# Keys are not switched off anywhere: azurerm sends local_auth_enabled = true (local_authentication_enabled
# on azurerm_ai_services), and an azapi body without disableLocalAuth leaves the service default. Each
# finding lands on the resource header.

resource "azurerm_cognitive_account" "openai" { # want AIG201
  name                = "oai-aig201-default"
  location            = "swedencentral"
  resource_group_name = "rg-aig201"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_ai_services" "foundry" { # want AIG201
  name                = "ais-aig201-default"
  location            = "swedencentral"
  resource_group_name = "rg-aig201"
  sku_name            = "S0"
}

resource "azapi_resource" "openai" { # want AIG201
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig201-azapi-default"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig201"
  location  = "swedencentral"

  body = {
    kind       = "OpenAI"
    sku        = { name = "S0" }
    properties = { customSubDomainName = "oai-aig201-azapi-default" }
  }
}

# disableLocalAuth at the top of the body, not under properties: ARM ignores it and keys stay on.
resource "azapi_resource" "misplaced" { # want AIG201
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig201-misplaced"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig201"
  location  = "swedencentral"

  body = {
    kind             = "OpenAI"
    sku              = { name = "S0" }
    disableLocalAuth = true
    properties       = {}
  }
}
