# The account rules apply to every kind of Cognitive Services account, and to nothing else.

resource "azurerm_resource_group" "ai" {
  name     = "rg-insurance-ai"
  location = "eastus"
}

resource "azurerm_cognitive_account" "content_safety" { # want AIG101 AIG201 AIG301
  name                = "cs-insurance"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  kind                = "ContentSafety"
  sku_name            = "S0"
}

resource "azurerm_cognitive_account" "foundry" { # want AIG301
  name                          = "aif-insurance"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "AIServices"
  sku_name                      = "S0"
  custom_subdomain_name         = "aif-insurance"
  project_management_enabled    = true
  public_network_access_enabled = false
  local_auth_enabled            = false

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_cognitive_account_project" "claims" {
  name                 = "claims"
  cognitive_account_id = azurerm_cognitive_account.foundry.id
  location             = azurerm_resource_group.ai.location

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_cognitive_account" "forms" { # want AIG201 AIG301
  name                          = "di-insurance-forms"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "FormRecognizer"
  sku_name                      = "S0"
  public_network_access_enabled = false
}

# Not AI accounts: search, machine learning and deployments have rules of their own.
resource "azurerm_search_service" "claims" {
  name                          = "srch-insurance-claims"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  sku                           = "standard"
  public_network_access_enabled = true
  local_authentication_enabled  = true
}

resource "azurerm_cognitive_deployment" "gpt4o_mini" {
  name                 = "gpt-4o-mini"
  cognitive_account_id = azurerm_cognitive_account.foundry.id

  model {
    format  = "OpenAI"
    name    = "gpt-4o-mini"
    version = "2024-07-18"
  }

  sku {
    name = "GlobalStandard"
  }
}

resource "azurerm_machine_learning_workspace" "risk" {
  name                          = "mlw-insurance-risk"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  application_insights_id       = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-insurance-ai/providers/Microsoft.Insights/components/appi-insurance"
  key_vault_id                  = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-insurance-ai/providers/Microsoft.KeyVault/vaults/kv-insurance-ml"
  storage_account_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-insurance-ai/providers/Microsoft.Storage/storageAccounts/stinsuranceml"
  public_network_access_enabled = true

  identity {
    type = "SystemAssigned"
  }
}
