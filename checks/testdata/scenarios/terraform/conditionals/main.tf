variable "environment" {
  type    = string
  default = "dev"
}

variable "use_private_networking" {
  type    = bool
  default = true
}

variable "strict_mode" {
  type    = bool
  default = true
}

# No default and no value: unknown, but only read on the branch that strict_mode = true never takes.
variable "legacy_keys" {
  type = bool
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-invoices-${var.environment}"
  location = "northeurope"
}

# environment is "dev": the ternary keeps public access on. Keys follow use_private_networking (off).
resource "azurerm_cognitive_account" "invoices" { # want AIG301
  name                          = "oai-invoices-${var.environment}"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = var.environment == "prod" ? false : true # want AIG101
  local_auth_enabled            = var.use_private_networking ? false : true
}

# A nested ternary picks "Allow" for dev; the known condition picks the known branch for keys.
resource "azurerm_cognitive_account" "extraction" { # want AIG301
  name                  = "di-invoices-${var.environment}"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "FormRecognizer"
  sku_name              = "S0"
  custom_subdomain_name = "di-invoices-${var.environment}"
  local_auth_enabled    = var.strict_mode ? false : var.legacy_keys

  network_acls {
    default_action = var.environment == "prod" ? "Deny" : var.environment == "test" ? "Deny" : "Allow" # want AIG101
  }
}

# Both conditions are known and each picks a secure value.
resource "azurerm_cognitive_account" "archive" { # want AIG301
  name                          = "oai-invoices-archive"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = var.use_private_networking ? false : !var.use_private_networking
  local_auth_enabled            = var.environment != "dev" ? false : !var.strict_mode
}
