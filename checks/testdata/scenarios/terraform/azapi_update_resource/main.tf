# azapi_update_resource patches an existing account: what it sets counts for that account only.

resource "azurerm_resource_group" "ai" {
  name     = "rg-dispatch-ai"
  location = "eastus2"
}

resource "azurerm_user_assigned_identity" "cmk" {
  name                = "id-dispatch-cmk"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
}

# azurerm account, encrypted through a patch (keys off and private in its own arguments). No finding.
resource "azurerm_cognitive_account" "dispatch" {
  name                          = "oai-dispatch"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-dispatch"
  public_network_access_enabled = false
  local_auth_enabled            = false

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }
}

resource "azapi_update_resource" "dispatch_cmk" {
  type        = "Microsoft.CognitiveServices/accounts@2025-06-01"
  resource_id = azurerm_cognitive_account.dispatch.id

  body = {
    properties = {
      encryption = {
        keySource = "Microsoft.KeyVault"
        keyVaultProperties = {
          keyVaultUri      = "https://kv-dispatch-cmk.vault.azure.net/"
          keyName          = "cmk-oai-dispatch"
          identityClientId = azurerm_user_assigned_identity.cmk.client_id
        }
      }
    }
  }
}

# azapi account whose keys are turned off by a patch; it has no customer-managed key (header).
resource "azapi_resource" "routing" { # want AIG301
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-dispatch-routing"
  parent_id = azurerm_resource_group.ai.id
  location  = azurerm_resource_group.ai.location

  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName = "oai-dispatch-routing"
      publicNetworkAccess = "Disabled"
    }
  }
}

resource "azapi_update_resource" "routing_keys_off" {
  type        = "Microsoft.CognitiveServices/accounts@2025-06-01"
  resource_id = azapi_resource.routing.id

  body = jsonencode({
    properties = {
      disableLocalAuth = true
    }
  })
}

# Not patched: every default applies. The patch below targets a deployment of it, not the account.
resource "azurerm_cognitive_account" "triage" { # want AIG101 AIG201 AIG301
  name                = "oai-dispatch-triage"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_deployment" "triage_gpt4o_mini" {
  name                 = "gpt-4o-mini"
  cognitive_account_id = azurerm_cognitive_account.triage.id

  model {
    format  = "OpenAI"
    name    = "gpt-4o-mini"
    version = "2024-07-18"
  }

  sku {
    name     = "GlobalStandard"
    capacity = 20
  }
}

resource "azapi_update_resource" "triage_deployment" {
  type        = "Microsoft.CognitiveServices/accounts/deployments@2025-06-01"
  resource_id = azurerm_cognitive_deployment.triage_gpt4o_mini.id

  body = {
    properties = {
      versionUpgradeOption = "NoAutoUpgrade"
    }
  }
}
