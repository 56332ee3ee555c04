resource "azurerm_resource_group" "ai" {
  name     = "rg-summarizer-${var.location}"
  location = var.location
}

# public access comes from a default of false (passes); keys from a default of true (fails on the line).
resource "azurerm_cognitive_account" "summarizer" { # want AIG301
  name                          = "oai-summarizer"
  location                      = var.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = var.public_network_access_enabled
  local_auth_enabled            = var.allow_api_keys # want AIG201
}

# Object-typed variable: both network values default to open; the finding lands on the attribute
# the user wrote first (public_network_access_enabled).
resource "azurerm_cognitive_account" "translator" { # want AIG301
  name                          = "cog-translator"
  location                      = var.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "TextTranslation"
  sku_name                      = "S1"
  custom_subdomain_name         = "cog-translator-contoso"
  public_network_access_enabled = var.network.public # want AIG101
  local_auth_enabled            = !var.allow_api_keys

  network_acls {
    default_action = var.network.default_action
  }
}

# local_auth_enabled = null is the same as leaving it out: the provider default (true) applies and
# the finding lands on the header.
resource "azurerm_cognitive_account" "moderation" { # want AIG201 AIG301
  name                          = "cog-moderation"
  location                      = var.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "ContentSafety"
  sku_name                      = "S0"
  public_network_access_enabled = false
  local_auth_enabled            = var.local_auth_override
}
