# An unknown root variable passed into a module stays unknown inside it. The same line of the module
# gets one unknown finding (from "chat") and one certain finding (from "batch").

variable "chat_api_keys" {
  type        = bool
  description = "Supplied by the deployment pipeline."
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-servicedesk-ai"
  location = "australiaeast"
}

module "chat" {
  source = "./modules/openai"

  name                = "oai-servicedesk-chat"
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
  local_auth_enabled  = var.chat_api_keys
}

module "batch" {
  source = "./modules/openai"

  name                = "oai-servicedesk-batch"
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
  local_auth_enabled  = true
}

module "search" {
  source = "./modules/openai"

  name                = "oai-servicedesk-search"
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
  local_auth_enabled  = false
}
