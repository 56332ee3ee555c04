# The resources come first and the locals they use are defined later, in other files, each one
# in terms of the next (openai_settings -> api_keys_allowed -> is_sandbox -> environment).

resource "azurerm_resource_group" "ai" {
  name     = local.resource_group_name
  location = local.location
}

resource "azurerm_cognitive_account" "sandbox" { # want AIG301
  name                          = "${local.prefix}-sandbox"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = local.openai_settings.local_auth_enabled            # want AIG201
  public_network_access_enabled = local.openai_settings.public_network_access_enabled # want AIG101
}

# The same settings, overridden by a lockdown map defined even further down.
resource "azurerm_cognitive_account" "shared" { # want AIG301
  name                          = "${local.prefix}-shared"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = local.shared_settings.local_auth_enabled
  public_network_access_enabled = local.shared_settings.public_network_access_enabled
}
