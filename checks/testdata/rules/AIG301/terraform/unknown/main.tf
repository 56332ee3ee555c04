# Whether the key is the customer's depends on inputs with no value here: the findings are of unknown
# confidence. They land on the value that may be insecure, or on the account when a separate resource may
# set the key.

variable "enable_cmk" {
  type = bool
}

variable "cmk_settings" {
  type = list(object({
    key_vault_key_id   = string
    identity_client_id = string
  }))
}

variable "key_source" {
  type = string
}

resource "azurerm_cognitive_account" "openai" { # want AIG301?
  name                = "oai-aig301-unknown"
  location            = "swedencentral"
  resource_group_name = "rg-aig301"
  kind                = "OpenAI"
  sku_name            = "S0"
}

# Created only when var.enable_cmk is true.
resource "azurerm_cognitive_account_customer_managed_key" "openai" {
  count                = var.enable_cmk ? 1 : 0
  cognitive_account_id = azurerm_cognitive_account.openai.id
  key_vault_key_id     = "https://kv-aig301.vault.azure.net/keys/cmk-aig301"
}

# The block is generated only when var.cmk_settings holds something.
resource "azurerm_ai_services" "foundry" {
  name                = "ais-aig301-unknown"
  location            = "swedencentral"
  resource_group_name = "rg-aig301"
  sku_name            = "S0"

  dynamic "customer_managed_key" { # want AIG301?
    for_each = var.cmk_settings
    content {
      key_vault_key_id   = customer_managed_key.value.key_vault_key_id
      identity_client_id = customer_managed_key.value.identity_client_id
    }
  }
}

resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig301-azapi-unknown"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig301"
  location  = "swedencentral"

  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      encryption = {
        keySource = var.key_source # want AIG301?
      }
    }
  }
}
