# Nothing security-related is written: every decision falls to the azurerm defaults
# (public network on, API keys on, Microsoft-managed keys), so every finding lands on the header.

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.30"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-chatbot-dev-swc"
  location = "swedencentral"
}

resource "azurerm_cognitive_account" "openai" { # want AIG101 AIG201 AIG301
  name                = "oai-chatbot-dev-swc"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  kind                = "OpenAI"
  sku_name            = "S0"

  tags = {
    environment = "dev"
    owner       = "platform-team"
  }
}

# The same insecure values, written out: the findings move to the lines that decide them.
resource "azurerm_cognitive_account" "explicit" { # want AIG301
  name                          = "oai-chatbot-explicit-swc"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = true # want AIG101
  local_auth_enabled            = true # want AIG201
}

# A deployment is not an account: none of the account rules apply to it.
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
    capacity = 10
  }
}
