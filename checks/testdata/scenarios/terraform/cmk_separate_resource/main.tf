# azurerm_cognitive_account_customer_managed_key sets the key on an account created elsewhere.
# Every account here is private and keyless, so only AIG301 is in question.

data "azurerm_client_config" "current" {}

variable "regions" {
  type    = list(string)
  default = ["eastus2", "westus3"]
}

variable "teams" {
  type    = set(string)
  default = ["legal", "sales"]
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-contracts-ai"
  location = "eastus2"
}

resource "azurerm_user_assigned_identity" "cmk" {
  name                = "id-contracts-cmk"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
}

resource "azurerm_key_vault" "cmk" {
  name                       = "kv-contracts-cmk"
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
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]
}

# Encrypted by the separate resource below. No finding.
resource "azurerm_cognitive_account" "primary" {
  name                          = "oai-contracts-primary"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-contracts-primary"
  public_network_access_enabled = false
  local_auth_enabled            = false

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }
}

resource "azurerm_cognitive_account_customer_managed_key" "primary" {
  cognitive_account_id = azurerm_cognitive_account.primary.id
  key_vault_key_id     = azurerm_key_vault_key.cmk.id
  identity_client_id   = azurerm_user_assigned_identity.cmk.client_id
}

# No key resource targets this one.
resource "azurerm_cognitive_account" "secondary" { # want AIG301
  name                          = "oai-contracts-secondary"
  location                      = "westus3"
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-contracts-secondary"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

# Counted accounts, each given a key by the counted key resource. No finding.
resource "azurerm_cognitive_account" "regional" {
  count                         = length(var.regions)
  name                          = "oai-contracts-${var.regions[count.index]}"
  location                      = var.regions[count.index]
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-contracts-${var.regions[count.index]}"
  public_network_access_enabled = false
  local_auth_enabled            = false

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }
}

resource "azurerm_cognitive_account_customer_managed_key" "regional" {
  count                = length(var.regions)
  cognitive_account_id = azurerm_cognitive_account.regional[count.index].id
  key_vault_key_id     = azurerm_key_vault_key.cmk.id
  identity_client_id   = azurerm_user_assigned_identity.cmk.client_id
}

# Two shards, but only shard 0 gets a key: shard 1 fails on the header.
resource "azurerm_cognitive_account" "shard" { # want AIG301
  count                         = 2
  name                          = "oai-contracts-shard-${count.index}"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-contracts-shard-${count.index}"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

resource "azurerm_cognitive_account_customer_managed_key" "shard0" {
  cognitive_account_id = azurerm_cognitive_account.shard[0].id
  key_vault_key_id     = azurerm_key_vault_key.cmk.versionless_id
  identity_client_id   = azurerm_user_assigned_identity.cmk.client_id
}

# One account per team, keyed by for_each over the accounts themselves. No finding.
resource "azurerm_cognitive_account" "team" {
  for_each                      = var.teams
  name                          = "oai-contracts-${each.key}"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-contracts-${each.key}"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

resource "azurerm_cognitive_account_customer_managed_key" "team" {
  for_each             = azurerm_cognitive_account.team
  cognitive_account_id = each.value.id
  key_vault_key_id     = azurerm_key_vault_key.cmk.id
  identity_client_id   = azurerm_user_assigned_identity.cmk.client_id
}
