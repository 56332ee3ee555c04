# Registry and git modules, already downloaded by `terraform init`: .terraform/modules/modules.json
# says where each one is. "openai" is there and is scanned; its findings land on the module call, since
# the downloaded copy is not the user's to edit. "search" is listed, but its folder is missing, so it is
# skipped with a warning.

resource "azurerm_resource_group" "ai" {
  name     = "rg-knowledge-mining"
  location = "eastus2"
}

module "openai" { # want AIG101 AIG301
  source  = "contoso/openai-account/azurerm"
  version = "2.4.0"

  name                = "oai-knowledge-mining"
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
  local_auth_enabled  = false
  network_acls = {
    default_action = "Allow"
    ip_rules       = ["203.0.113.0/24"]
  }
}

module "search" { # want warning
  source = "git::https://github.com/contoso/terraform-azurerm-ai-search.git?ref=v1.8.0"

  name                = "srch-knowledge-mining"
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
}
