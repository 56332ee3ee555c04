resource "azurerm_resource_group" "ai" {
  name     = "rg-copilot-${var.environment}"
  location = var.location
}

# terraform.tfvars turns keys on (default false) and public access off (default true).
resource "azurerm_cognitive_account" "copilot" { # want AIG301
  name                          = "oai-copilot-${var.environment}"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-copilot-${var.environment}"
  local_auth_enabled            = var.local_auth_enabled # want AIG201
  public_network_access_enabled = var.public_network_access_enabled

  network_acls {
    default_action = length(var.allowed_ip_ranges) > 0 ? "Deny" : "Allow"
    ip_rules       = var.allowed_ip_ranges
  }
}

# A variable with no default, set in terraform.tfvars, is known: environment = "dev" turns keys on here.
resource "azurerm_cognitive_account" "speech" { # want AIG301
  name                          = "spch-copilot-${var.environment}"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "SpeechServices"
  sku_name                      = "S0"
  local_auth_enabled            = var.environment == "dev" # want AIG201
  public_network_access_enabled = var.environment != "dev"
}
