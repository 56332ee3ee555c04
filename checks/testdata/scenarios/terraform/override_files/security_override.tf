resource "azurerm_cognitive_account" "chat" {
  local_auth_enabled = false

  dynamic "network_acls" {
    for_each = ["Deny"]
    content {
      default_action = network_acls.value
    }
  }
}

variable "keys_enabled" {
  default = false
}

locals {
  public = false
}
