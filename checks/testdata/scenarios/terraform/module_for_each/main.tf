variable "teams" {
  type = map(object({
    api_keys = bool
    acl      = string
  }))
  default = {
    finance = { api_keys = false, acl = "Deny" }
    hr      = { api_keys = true, acl = "Deny" }
  }
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-backoffice-ai"
  location = "germanywestcentral"
}

# One module instance per team; hr keeps keys, both deny by default.
module "team_openai" {
  source   = "./modules/openai"
  for_each = var.teams

  name                = "oai-backoffice-${each.key}"
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
  local_auth_enabled  = each.value.api_keys
  acl_default_action  = each.value.acl
}

# An empty map: no instance, no finding.
module "contractors" {
  source   = "./modules/openai"
  for_each = {}

  name                = "oai-backoffice-${each.key}"
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
}
