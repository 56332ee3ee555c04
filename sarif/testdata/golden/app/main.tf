variable "local_auth" {
  type = bool
}

resource "azurerm_cognitive_account" "chat" {
  name                          = "oai-chat"
  location                      = "westeurope"
  resource_group_name           = "rg-chat"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-chat"
  public_network_access_enabled = true
  local_auth_enabled            = var.local_auth
}
