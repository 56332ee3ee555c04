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

variable "public_network_access_enabled" {
  type = bool
}

variable "enable_cmk" {
  type    = bool
  default = false
}

variable "cmk_key_id" {
  type    = string
  default = null
}

variable "identity_id" {
  type = string
}

variable "identity_client_id" {
  type = string
}

resource "azurerm_cognitive_account" "this" { # want AIG301
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = var.name
  local_auth_enabled            = var.local_auth_enabled            # want AIG201
  public_network_access_enabled = var.public_network_access_enabled # want AIG101

  identity {
    type         = "UserAssigned"
    identity_ids = [var.identity_id]
  }

  dynamic "customer_managed_key" {
    for_each = var.enable_cmk ? [var.cmk_key_id] : []
    content {
      key_vault_key_id   = customer_managed_key.value
      identity_client_id = var.identity_client_id
    }
  }
}

output "endpoint" {
  value = azurerm_cognitive_account.this.endpoint
}
