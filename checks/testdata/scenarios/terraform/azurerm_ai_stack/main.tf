# A whole Azure OpenAI stack in azurerm: every resource around the account reaches the model with its ARM
# type and identity, and only the accounts are judged by the account rules.
resource "azurerm_resource_group" "ai" {
  name     = "rg-assist-ai"
  location = "swedencentral"
}

resource "azurerm_user_assigned_identity" "oai" {
  name                = "id-oai-assist"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
}

resource "azurerm_key_vault" "cmk" {
  name                       = "kv-assist-cmk"
  location                   = azurerm_resource_group.ai.location
  resource_group_name        = azurerm_resource_group.ai.name
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "premium"
  rbac_authorization_enabled = true
}

resource "azurerm_key_vault_key" "cmk" {
  name         = "cmk-oai"
  key_vault_id = azurerm_key_vault.cmk.id
  key_type     = "RSA-HSM"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]
}

resource "azurerm_cognitive_account" "oai" {
  name                          = "oai-assist"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-assist"
  public_network_access_enabled = false
  local_auth_enabled            = false

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.oai.id]
  }

  customer_managed_key {
    key_vault_key_id   = azurerm_key_vault_key.cmk.id
    identity_client_id = azurerm_user_assigned_identity.oai.client_id
  }
}

# A second account left at the provider's defaults: the account rules find it, and nothing around it
# adds a finding of its own.
resource "azurerm_cognitive_account" "batch" { # want AIG101 AIG201 AIG301
  name                = "oai-assist-batch"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_deployment" "gpt4o" {
  name                 = "gpt-4o"
  cognitive_account_id = azurerm_cognitive_account.oai.id
  rai_policy_name      = azurerm_cognitive_account_rai_policy.strict.name

  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-11-20"
  }

  sku {
    name = "GlobalStandard"
  }
}

resource "azurerm_cognitive_account_rai_policy" "strict" {
  name                 = "strict"
  cognitive_account_id = azurerm_cognitive_account.oai.id
  base_policy_name     = "Microsoft.DefaultV2"

  content_filter {
    name               = "Hate"
    filter_enabled     = true
    block_enabled      = true
    severity_threshold = "Low"
    source             = "Prompt"
  }
}

resource "azurerm_private_endpoint" "oai" {
  name                = "pe-oai-assist"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  subnet_id           = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe"

  private_service_connection {
    name                           = "oai"
    is_manual_connection           = false
    private_connection_resource_id = azurerm_cognitive_account.oai.id
    subresource_names              = ["account"]
  }
}

resource "azurerm_monitor_diagnostic_setting" "oai" {
  name                       = "diag"
  target_resource_id         = azurerm_cognitive_account.oai.id
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law"

  enabled_log {
    category_group = "audit"
  }
}

resource "azurerm_role_assignment" "app" {
  scope                = azurerm_cognitive_account.oai.id
  role_definition_name = "Cognitive Services OpenAI User"
  principal_id         = azurerm_linux_web_app.assist.identity[0].principal_id
}

resource "azurerm_search_service" "docs" {
  name                          = "srch-assist"
  resource_group_name           = azurerm_resource_group.ai.name
  location                      = azurerm_resource_group.ai.location
  sku                           = "standard"
  local_authentication_enabled  = false
  public_network_access_enabled = false
}

resource "azurerm_linux_web_app" "assist" {
  name                = "app-assist"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan"
  https_only          = true

  app_settings = {
    AZURE_OPENAI_ENDPOINT = azurerm_cognitive_account.oai.endpoint
    AZURE_SEARCH_ENDPOINT = "https://srch-assist.search.windows.net"
  }

  identity {
    type = "SystemAssigned"
  }

  site_config {}
}
