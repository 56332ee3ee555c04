# azurerm_ai_services (azurerm 4.x): public_network_access is a string, and keys are switched by
# local_authentication_enabled (default true).

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.20"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-foundry-retail"
  location = "eastus2"
}

resource "azurerm_user_assigned_identity" "foundry" {
  name                = "id-foundry-retail"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
}

# Defaults only.
resource "azurerm_ai_services" "hub" { # want AIG101 AIG201 AIG301
  name                = "ais-retail-hub"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  sku_name            = "S0"
}

# Hardened: no finding.
resource "azurerm_ai_services" "prod" {
  name                         = "ais-retail-prod"
  location                     = azurerm_resource_group.ai.location
  resource_group_name          = azurerm_resource_group.ai.name
  sku_name                     = "S0"
  custom_subdomain_name        = "ais-retail-prod"
  public_network_access        = "Disabled"
  local_authentication_enabled = false

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.foundry.id]
  }

  customer_managed_key {
    key_vault_key_id   = "https://kv-retail-cmk.vault.azure.net/keys/cmk-ais-retail"
    identity_client_id = azurerm_user_assigned_identity.foundry.client_id
  }
}

# Public, but the ACL denies by default (AIG101 passes); keys explicitly on.
resource "azurerm_ai_services" "stores" { # want AIG301
  name                         = "ais-retail-stores"
  location                     = azurerm_resource_group.ai.location
  resource_group_name          = azurerm_resource_group.ai.name
  sku_name                     = "S0"
  custom_subdomain_name        = "ais-retail-stores"
  public_network_access        = "Enabled"
  local_authentication_enabled = true # want AIG201

  network_acls {
    default_action = "Deny"
    ip_rules       = ["198.51.100.0/24"]
  }
}

# Public written as "Enabled" with an Allow ACL: the finding lands on public_network_access.
resource "azurerm_ai_services" "kiosk" { # want AIG301
  name                         = "ais-retail-kiosk"
  location                     = azurerm_resource_group.ai.location
  resource_group_name          = azurerm_resource_group.ai.name
  sku_name                     = "S0"
  custom_subdomain_name        = "ais-retail-kiosk"
  public_network_access        = "Enabled" # want AIG101
  local_authentication_enabled = false

  network_acls {
    default_action = "Allow"
  }
}

# Both switches follow one variable (false): private and keyless.
variable "ai_services_keys" {
  type    = bool
  default = false
}

resource "azurerm_ai_services" "pos" { # want AIG301
  name                         = "ais-retail-pos"
  location                     = azurerm_resource_group.ai.location
  resource_group_name          = azurerm_resource_group.ai.name
  sku_name                     = "S0"
  public_network_access        = var.ai_services_keys ? "Enabled" : "Disabled"
  local_authentication_enabled = var.ai_services_keys
}
