# The same Azure OpenAI setup as ../insecure, made secure: no public network access (clients come
# through private endpoints), network ACLs that deny by default, API keys off (Microsoft Entra ID
# only), a custom subdomain, a user-assigned identity and a customer-managed key in Key Vault.

resource "azurerm_resource_group" "this" {
  name     = "rg-${var.prefix}-${var.environment}"
  location = var.location
  tags     = var.tags
}

resource "azurerm_cognitive_account" "openai" {
  name                               = "oai-${var.prefix}-${var.environment}"
  location                           = azurerm_resource_group.this.location
  resource_group_name                = azurerm_resource_group.this.name
  kind                               = "OpenAI"
  sku_name                           = "S0"
  custom_subdomain_name              = "oai-${var.prefix}-${var.environment}"
  public_network_access_enabled      = false
  local_auth_enabled                 = false
  outbound_network_access_restricted = true
  fqdns                              = ["${azurerm_key_vault.cmk.name}.vault.azure.net"]
  tags                               = var.tags

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.ai.id]
  }

  customer_managed_key {
    key_vault_key_id   = azurerm_key_vault_key.ai.id
    identity_client_id = azurerm_user_assigned_identity.ai.client_id
  }

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }

  depends_on = [azurerm_role_assignment.ai_crypto_user]
}

resource "azurerm_cognitive_deployment" "gpt4o" {
  name                   = "gpt-4o"
  cognitive_account_id   = azurerm_cognitive_account.openai.id
  rai_policy_name        = "Microsoft.DefaultV2"
  version_upgrade_option = "NoAutoUpgrade"

  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-11-20"
  }

  sku {
    name     = "GlobalStandard"
    capacity = var.gpt_capacity
  }
}

resource "azurerm_cognitive_deployment" "embeddings" {
  name                   = "text-embedding-3-large"
  cognitive_account_id   = azurerm_cognitive_account.openai.id
  rai_policy_name        = "Microsoft.DefaultV2"
  version_upgrade_option = "NoAutoUpgrade"

  model {
    format  = "OpenAI"
    name    = "text-embedding-3-large"
    version = "1"
  }

  sku {
    name     = "Standard"
    capacity = 50
  }
}

resource "azurerm_ai_services" "this" {
  name                               = "ais-${var.prefix}-${var.environment}"
  location                           = azurerm_resource_group.this.location
  resource_group_name                = azurerm_resource_group.this.name
  sku_name                           = "S0"
  custom_subdomain_name              = "ais-${var.prefix}-${var.environment}"
  public_network_access              = "Disabled"
  local_authentication_enabled       = false
  outbound_network_access_restricted = true
  fqdns                              = ["${azurerm_key_vault.cmk.name}.vault.azure.net"]
  tags                               = var.tags

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.ai.id]
  }

  customer_managed_key {
    key_vault_key_id   = azurerm_key_vault_key.ai.id
    identity_client_id = azurerm_user_assigned_identity.ai.client_id
  }

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }

  depends_on = [azurerm_role_assignment.ai_crypto_user]
}

resource "azapi_resource" "foundry" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "aif-${var.prefix}-${var.environment}"
  parent_id = azurerm_resource_group.this.id
  location  = azurerm_resource_group.this.location
  tags      = var.tags

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.ai.id]
  }

  body = {
    kind = "AIServices"
    sku = {
      name = "S0"
    }
    properties = {
      customSubDomainName           = "aif-${var.prefix}-${var.environment}"
      allowProjectManagement        = true
      publicNetworkAccess           = "Disabled"
      disableLocalAuth              = true
      restrictOutboundNetworkAccess = true
      allowedFqdnList               = ["${azurerm_key_vault.cmk.name}.vault.azure.net"]
      networkAcls = {
        defaultAction = "Deny"
        bypass        = "AzureServices"
        ipRules       = []
      }
      encryption = {
        keySource = "Microsoft.KeyVault"
        keyVaultProperties = {
          keyVaultUri      = azurerm_key_vault.cmk.vault_uri
          keyName          = azurerm_key_vault_key.ai.name
          keyVersion       = azurerm_key_vault_key.ai.version
          identityClientId = azurerm_user_assigned_identity.ai.client_id
        }
      }
    }
  }

  response_export_values = ["properties.endpoint"]

  depends_on = [azurerm_role_assignment.ai_crypto_user]
}

resource "azapi_resource" "foundry_project" {
  type      = "Microsoft.CognitiveServices/accounts/projects@2025-06-01"
  name      = "${var.prefix}-${var.environment}"
  parent_id = azapi_resource.foundry.id
  location  = azurerm_resource_group.this.location

  identity {
    type = "SystemAssigned"
  }

  body = {
    properties = {
      displayName = "Contoso chat (${var.environment})"
      description = "Agents and evaluations for the chat assistant."
    }
  }
}
