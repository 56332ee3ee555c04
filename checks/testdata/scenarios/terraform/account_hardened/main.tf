# A fully hardened Azure OpenAI account: public access off, API keys off, a customer-managed key,
# a custom subdomain, a managed identity and network ACLs that deny by default. No finding.

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "ai" {
  name     = "rg-assistant-prod-eus2"
  location = "eastus2"
}

resource "azurerm_user_assigned_identity" "openai" {
  name                = "id-oai-assistant-prod"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
}

resource "azurerm_key_vault" "cmk" {
  name                       = "kv-assistant-cmk-prod"
  location                   = azurerm_resource_group.ai.location
  resource_group_name        = azurerm_resource_group.ai.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
  rbac_authorization_enabled = true
}

resource "azurerm_key_vault_key" "openai" {
  name         = "cmk-oai-assistant"
  key_vault_id = azurerm_key_vault.cmk.id
  key_type     = "RSA-HSM"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]
}

resource "azurerm_cognitive_account" "openai" {
  name                          = "oai-assistant-prod-eus2"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-assistant-prod-eus2"
  public_network_access_enabled = false
  local_auth_enabled            = false

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.openai.id]
  }

  # The key id is only known after apply; the block itself is what puts the key source on Key Vault.
  customer_managed_key {
    key_vault_key_id   = azurerm_key_vault_key.openai.id
    identity_client_id = azurerm_user_assigned_identity.openai.client_id
  }

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
    ip_rules       = ["203.0.113.0/24"]
  }
}
