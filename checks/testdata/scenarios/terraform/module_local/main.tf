# Two calls of one local module. Both turn keys off, so the module's default (true) must not be used.
# "assistants" leaves public access at the module's default (true): AIG101 lands inside the module,
# on the line that uses the input. Both lack a customer-managed key (the module's resource header).

locals {
  tags = {
    workload = "customer-care"
    owner    = "ai-platform"
  }
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-customer-care-ai"
  location = "eastus2"
}

module "chat" {
  source = "./modules/openai"

  name                          = "oai-care-chat"
  resource_group_name           = azurerm_resource_group.ai.name
  location                      = azurerm_resource_group.ai.location
  local_auth_enabled            = false
  public_network_access_enabled = false
  tags                          = local.tags
}

module "assistants" {
  source = "./modules/openai"

  name                = "oai-care-assistants"
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
  local_auth_enabled  = false
  tags                = local.tags
}

output "chat_endpoint" {
  value = module.chat.endpoint
}
