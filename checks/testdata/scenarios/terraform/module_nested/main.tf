# root -> modules/platform -> modules/openai (twice). Inputs are passed down two levels.

variable "allow_api_keys" {
  type    = bool
  default = false
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-underwriting-prod"
  location = "swedencentral"
}

module "platform" {
  source = "./modules/platform"

  environment         = "prod"
  network_mode        = "private"
  allow_api_keys      = var.allow_api_keys
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
}
