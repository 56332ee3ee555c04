# The Microsoft-managed key source written out: each finding lands on the keySource that says so. (The
# azurerm resources have no such value: their absent block is in the default case.)

resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig301-azapi-insecure"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig301"
  location  = "swedencentral"

  body = jsonencode({
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      encryption = {
        keySource = "Microsoft.CognitiveServices" # want AIG301
      }
    }
  })
}

# A patch that sets the Microsoft-managed key source counts for the account it targets.
resource "azurerm_cognitive_account" "patched" {
  name                = "oai-aig301-patched"
  location            = "swedencentral"
  resource_group_name = "rg-aig301"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azapi_update_resource" "patched_service_key" {
  type        = "Microsoft.CognitiveServices/accounts@2025-06-01"
  resource_id = azurerm_cognitive_account.patched.id

  body = {
    properties = {
      encryption = {
        keySource = "Microsoft.CognitiveServices" # want AIG301
      }
    }
  }
}
