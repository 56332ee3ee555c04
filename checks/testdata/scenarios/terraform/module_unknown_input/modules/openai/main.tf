variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "local_auth_enabled" {
  type = bool
}

resource "azurerm_cognitive_account" "this" { # want AIG301 AIG301 AIG301
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = false
  local_auth_enabled            = var.local_auth_enabled # want AIG201 AIG201?
}
