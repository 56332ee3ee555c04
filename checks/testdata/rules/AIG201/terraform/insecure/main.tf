# Keys switched on in so many words: each finding lands on the line that says so.

resource "azurerm_cognitive_account" "openai" {
  name                = "oai-aig201-insecure"
  location            = "swedencentral"
  resource_group_name = "rg-aig201"
  kind                = "OpenAI"
  sku_name            = "S0"
  local_auth_enabled  = true # want AIG201
}

resource "azurerm_ai_services" "foundry" {
  name                         = "ais-aig201-insecure"
  location                     = "swedencentral"
  resource_group_name          = "rg-aig201"
  sku_name                     = "S0"
  local_authentication_enabled = true # want AIG201
}

resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig201-azapi-insecure"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig201"
  location  = "swedencentral"

  body = jsonencode({
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      disableLocalAuth = false # want AIG201
    }
  })
}

# A patch that turns keys back on counts for the account it targets.
resource "azapi_resource" "patched" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig201-patched"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig201"
  location  = "swedencentral"

  body = {
    kind       = "OpenAI"
    sku        = { name = "S0" }
    properties = { disableLocalAuth = true }
  }
}

resource "azapi_update_resource" "patched_keys_on" {
  type        = "Microsoft.CognitiveServices/accounts@2025-06-01"
  resource_id = azapi_resource.patched.id

  body = {
    properties = {
      disableLocalAuth = false # want AIG201
    }
  }
}
