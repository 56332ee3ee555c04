# Settings read from files next to the code: path.module is relative to the root, and file() and
# templatefile() resolve from the root, as Terraform does, whatever folder aigate is run from.
locals {
  platform = jsondecode(file("${path.module}/settings/platform.json"))
}

module "openai" {
  source = "./modules/openai"
  name   = "oai-${local.platform.environment}"
}

resource "azurerm_cognitive_account" "platform" { # want AIG301
  name                          = "oai-platform-${local.platform.environment}"
  location                      = "westeurope"
  resource_group_name           = "rg-platform"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = local.platform.public # want AIG101
  local_auth_enabled            = false
}
