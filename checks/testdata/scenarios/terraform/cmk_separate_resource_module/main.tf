# The key resource and the account meet across a module boundary, in both directions.

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "ai" {
  name     = "rg-reports-ai"
  location = "centralus"
}

resource "azurerm_user_assigned_identity" "cmk" {
  name                = "id-reports-cmk"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
}

resource "azurerm_key_vault" "cmk" {
  name                       = "kv-reports-cmk"
  location                   = azurerm_resource_group.ai.location
  resource_group_name        = azurerm_resource_group.ai.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "premium"
  purge_protection_enabled   = true
  rbac_authorization_enabled = true
}

resource "azurerm_key_vault_key" "cmk" {
  name         = "cmk-openai"
  key_vault_id = azurerm_key_vault.cmk.id
  key_type     = "RSA-HSM"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]
}

# The key is set by a module that receives the account id as an input. No finding.
resource "azurerm_cognitive_account" "archive" {
  name                          = "oai-reports-archive"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-reports-archive"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

module "archive_cmk" {
  source = "./modules/cmk"

  cognitive_account_id = azurerm_cognitive_account.archive.id
  key_vault_key_id     = azurerm_key_vault_key.cmk.id
  identity_client_id   = azurerm_user_assigned_identity.cmk.client_id
}

# The account is made in a module and keyed in the root through the module's id output. No finding.
module "reports" {
  source = "./modules/openai"

  name                = "oai-reports-monthly"
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
}

resource "azurerm_cognitive_account_customer_managed_key" "reports" {
  cognitive_account_id = module.reports.id
  key_vault_key_id     = azurerm_key_vault_key.cmk.id
  identity_client_id   = azurerm_user_assigned_identity.cmk.client_id
}

# Nothing targets this one.
resource "azurerm_cognitive_account" "drafts" { # want AIG301
  name                          = "oai-reports-drafts"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-reports-drafts"
  public_network_access_enabled = false
  local_auth_enabled            = false
}
