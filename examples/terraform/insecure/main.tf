# An Azure OpenAI setup as it is often first written: it works, and every security setting is left
# at its default. Public network access stays on, API keys stay on, data is encrypted with
# Microsoft-managed keys, and there is no custom subdomain, managed identity or private endpoint.

resource "azurerm_resource_group" "this" {
  name     = "rg-${var.prefix}-${var.environment}"
  location = var.location
  tags     = var.tags
}

# Azure OpenAI account: the app calls it with the primary key.
resource "azurerm_cognitive_account" "openai" {
  name                = "oai-${var.prefix}-${var.environment}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  kind                = "OpenAI"
  sku_name            = "S0"
  tags                = var.tags
}

resource "azurerm_cognitive_deployment" "gpt4o" {
  name                 = "gpt-4o"
  cognitive_account_id = azurerm_cognitive_account.openai.id

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
  name                 = "text-embedding-3-large"
  cognitive_account_id = azurerm_cognitive_account.openai.id

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

# Azure AI Services (multi-service) account for speech and vision, azurerm 4.x.
resource "azurerm_ai_services" "this" {
  name                  = "ais-${var.prefix}-${var.environment}"
  location              = azurerm_resource_group.this.location
  resource_group_name   = azurerm_resource_group.this.name
  sku_name              = "S0"
  custom_subdomain_name = "ais-${var.prefix}-${var.environment}"
  public_network_access = "Enabled"
  tags                  = var.tags
}

# Microsoft Foundry resource through azapi, to get project management (Foundry projects).
resource "azapi_resource" "foundry" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "aif-${var.prefix}-${var.environment}"
  parent_id = azurerm_resource_group.this.id
  location  = azurerm_resource_group.this.location
  tags      = var.tags

  identity {
    type = "SystemAssigned"
  }

  body = {
    kind = "AIServices"
    sku = {
      name = "S0"
    }
    properties = {
      customSubDomainName    = "aif-${var.prefix}-${var.environment}"
      allowProjectManagement = true
    }
  }

  response_export_values = ["properties.endpoint"]
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
