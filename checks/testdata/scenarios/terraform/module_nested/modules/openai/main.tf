variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "public_network_access_enabled" {
  type = bool
}

variable "local_auth_enabled" {
  type = bool
}

resource "azurerm_cognitive_account" "this" { # want AIG301 AIG301
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = var.name
  public_network_access_enabled = var.public_network_access_enabled
  local_auth_enabled            = var.local_auth_enabled # want AIG201
}

output "endpoint" {
  value = azurerm_cognitive_account.this.endpoint
}
