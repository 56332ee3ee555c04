# Keys off in each way Terraform can say it, a patch included: callers must use Entra ID. No finding.

variable "allow_api_keys" {
  type    = bool
  default = false
}

resource "azurerm_cognitive_account" "openai" {
  name                = "oai-aig201-secure"
  location            = "swedencentral"
  resource_group_name = "rg-aig201"
  kind                = "OpenAI"
  sku_name            = "S0"
  local_auth_enabled  = false
}

resource "azurerm_ai_services" "foundry" {
  name                         = "ais-aig201-secure"
  location                     = "swedencentral"
  resource_group_name          = "rg-aig201"
  sku_name                     = "S0"
  local_authentication_enabled = var.allow_api_keys
}

resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig201-azapi-secure"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig201"
  location  = "swedencentral"

  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      disableLocalAuth = !var.allow_api_keys
    }
  }
}

# The account leaves keys at their default; the patch turns them off.
resource "azurerm_cognitive_account" "patched" {
  name                = "oai-aig201-patched"
  location            = "swedencentral"
  resource_group_name = "rg-aig201"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azapi_update_resource" "patched_keys_off" {
  type        = "Microsoft.CognitiveServices/accounts@2025-06-01"
  resource_id = azurerm_cognitive_account.patched.id

  body = jsonencode({
    properties = {
      disableLocalAuth = true
    }
  })
}
