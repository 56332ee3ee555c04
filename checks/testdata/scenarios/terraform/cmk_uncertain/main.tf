# Customer-managed keys that may or may not be there: whether they exist depends on inputs that have no
# value here, so AIG301 is uncertain. It lands on the account when a separate resource may set the key,
# and on the dynamic block that may not be written.
variable "enable_cmk" {
  type = bool
}

variable "cmk_settings" {
  type = list(object({
    key_vault_key_id   = string
    identity_client_id = string
  }))
}

resource "azurerm_cognitive_account" "chat" { # want AIG301?
  name                          = "oai-chat-weu"
  location                      = "westeurope"
  resource_group_name           = "rg-chat"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-chat-weu"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

# Created only when var.enable_cmk is true, which is not known here.
resource "azurerm_cognitive_account_customer_managed_key" "chat" {
  count                = var.enable_cmk ? 1 : 0
  cognitive_account_id = azurerm_cognitive_account.chat.id
  key_vault_key_id     = "https://kv-chat-weu.vault.azure.net/keys/cmk-chat"
}

# The block is written only when var.cmk_settings holds something.
resource "azurerm_cognitive_account" "search" {
  name                          = "oai-search-weu"
  location                      = "westeurope"
  resource_group_name           = "rg-chat"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-search-weu"
  public_network_access_enabled = false
  local_auth_enabled            = false

  identity {
    type = "SystemAssigned"
  }

  dynamic "customer_managed_key" { # want AIG301?
    for_each = var.cmk_settings
    content {
      key_vault_key_id   = customer_managed_key.value.key_vault_key_id
      identity_client_id = customer_managed_key.value.identity_client_id
    }
  }
}

# An account that no uncertain key touches keeps its certain verdict.
resource "azurerm_cognitive_account" "batch" { # want AIG301
  name                          = "oai-batch-weu"
  location                      = "westeurope"
  resource_group_name           = "rg-chat"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-batch-weu"
  public_network_access_enabled = false
  local_auth_enabled            = false
}
