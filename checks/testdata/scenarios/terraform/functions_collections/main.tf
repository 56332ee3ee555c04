variable "overrides" {
  description = "Per-environment overrides of the platform defaults."
  type        = map(bool)
  default = {
    local_auth_enabled = true
  }
}

variable "feature_flags" {
  type    = map(bool)
  default = {}
}

variable "legacy" {
  description = "Settings imported from the old platform; most keys are optional."
  type        = any
  default     = {}
}

variable "public_access_override" {
  type    = bool
  default = null
}

variable "keys_override" {
  type    = bool
  default = null
}

variable "trusted_environments" {
  type    = list(string)
  default = ["prod", "staging"]
}

variable "environment" {
  type    = string
  default = "qa"
}

locals {
  platform_defaults = {
    local_auth_enabled            = false
    public_network_access_enabled = false
  }

  # merge: the override turns keys back on.
  settings = merge(local.platform_defaults, var.overrides)
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-marketing-ai"
  location = "westus3"
}

resource "azurerm_cognitive_account" "copywriter" { # want AIG301
  name                          = "oai-marketing-copy"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = local.settings.local_auth_enabled # want AIG201
  public_network_access_enabled = local.settings.public_network_access_enabled
}

# lookup with defaults: no flags are set, so keys fall back to false and public access to true.
resource "azurerm_cognitive_account" "images" { # want AIG301
  name                          = "oai-marketing-images"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = lookup(var.feature_flags, "api_keys", false)
  public_network_access_enabled = lookup(var.feature_flags, "public_endpoint", true) # want AIG101
}

# try and can: the legacy settings have no network or keys section, so the fallbacks apply.
resource "azurerm_cognitive_account" "legacy" { # want AIG301
  name                          = "oai-marketing-legacy"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = try(var.legacy.keys.enabled, false)
  public_network_access_enabled = can(var.legacy.network.public) ? var.legacy.network.public : true # want AIG101
}

# coalesce: both overrides are null, so the first non-null fallback decides.
resource "azurerm_cognitive_account" "analytics" { # want AIG301
  name                          = "lang-marketing-analytics"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "TextAnalytics"
  sku_name                      = "S"
  custom_subdomain_name         = "lang-marketing-analytics"
  public_network_access_enabled = coalesce(var.public_access_override, false)
  local_auth_enabled            = coalesce(var.keys_override, true) # want AIG201
}

# contains: qa is not a trusted environment, so its ACL denies by default.
resource "azurerm_cognitive_account" "qa" { # want AIG301
  name                  = "oai-marketing-${var.environment}"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-marketing-${var.environment}"
  local_auth_enabled    = contains(var.trusted_environments, var.environment)

  network_acls {
    default_action = contains(var.trusted_environments, var.environment) ? "Allow" : "Deny"
  }
}
