variable "name" {
  type = string
}

variable "location" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "public_network_access_enabled" {
  type    = bool
  default = true
}

variable "local_auth_enabled" {
  type    = bool
  default = true
}

resource "azurerm_cognitive_account" "this" { # want AIG301 AIG301
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = var.public_network_access_enabled # want AIG101
  local_auth_enabled            = var.local_auth_enabled
}

output "id" {
  value = azurerm_cognitive_account.this.id
}
