# The key in the customer's Key Vault, in each way Terraform can say it: a customer_managed_key block,
# a separate azurerm_cognitive_account_customer_managed_key resource, keySource in an azapi body. No
# finding. Key IDs known only after apply do not matter: the block itself sets the key source.

resource "azurerm_user_assigned_identity" "cmk" {
  name                = "id-aig301-cmk"
  location            = "swedencentral"
  resource_group_name = "rg-aig301"
}

resource "azurerm_key_vault_key" "cmk" {
  name         = "cmk-aig301"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig301/providers/Microsoft.KeyVault/vaults/kv-aig301"
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]
}

resource "azurerm_cognitive_account" "openai" {
  name                = "oai-aig301-secure"
  location            = "swedencentral"
  resource_group_name = "rg-aig301"
  kind                = "OpenAI"
  sku_name            = "S0"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }

  customer_managed_key {
    key_vault_key_id   = azurerm_key_vault_key.cmk.id
    identity_client_id = azurerm_user_assigned_identity.cmk.client_id
  }
}

resource "azurerm_ai_services" "foundry" {
  name                = "ais-aig301-secure"
  location            = "swedencentral"
  resource_group_name = "rg-aig301"
  sku_name            = "S0"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }

  customer_managed_key {
    key_vault_key_id   = "https://kv-aig301.vault.azure.net/keys/cmk-aig301"
    identity_client_id = azurerm_user_assigned_identity.cmk.client_id
  }
}

resource "azurerm_cognitive_account" "separate_key" {
  name                = "oai-aig301-separate"
  location            = "swedencentral"
  resource_group_name = "rg-aig301"
  kind                = "OpenAI"
  sku_name            = "S0"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }
}

resource "azurerm_cognitive_account_customer_managed_key" "separate_key" {
  cognitive_account_id = azurerm_cognitive_account.separate_key.id
  key_vault_key_id     = azurerm_key_vault_key.cmk.id
  identity_client_id   = azurerm_user_assigned_identity.cmk.client_id
}

resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig301-azapi-secure"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig301"
  location  = "swedencentral"

  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      encryption = {
        keySource = "Microsoft.KeyVault"
        keyVaultProperties = {
          keyVaultUri = "https://kv-aig301.vault.azure.net/"
          keyName     = "cmk-aig301"
        }
      }
    }
  }
}
