variable "account_id" {
  type = string
}

resource "azurerm_cognitive_account_customer_managed_key" "this" {
  cognitive_account_id = var.account_id
  key_vault_key_id     = "https://kv-patches.vault.azure.net/keys/cmk"
}
