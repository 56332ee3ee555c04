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
  type    = bool
  default = true
}

variable "acl_default_action" {
  type    = string
  default = "Allow"
}

resource "azurerm_cognitive_account" "this" { # want AIG301 AIG301
  name                  = var.name
  location              = var.location
  resource_group_name   = var.resource_group_name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = var.name
  local_auth_enabled    = var.local_auth_enabled # want AIG201

  network_acls {
    default_action = var.acl_default_action
  }
}
