# A value that fails to evaluate is a warning where it fails, and an uncertain finding where it decides:
# Terraform would refuse the configuration, and aigate cannot tell which way the value was meant.
variable "keys_enabled" {
  type    = bool
  default = false
}

resource "azurerm_cognitive_account" "chat" { # want AIG301
  name                          = "oai-chat-weu"
  location                      = "westeurope"
  resource_group_name           = "rg-chat"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-chat-weu"
  public_network_access_enabled = false
  local_auth_enabled            = var.keys_enabeld # want AIG201? warning
}

# Provider-defined functions are the provider's to evaluate: unknown, and no warning.
resource "azurerm_cognitive_account" "batch" { # want AIG301
  name                          = provider::azapi::build_resource_id("x", "y", "z")
  location                      = "westeurope"
  resource_group_name           = "rg-chat"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = false
  local_auth_enabled            = false
}
