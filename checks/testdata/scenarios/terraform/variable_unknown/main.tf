resource "azurerm_resource_group" "ai" {
  name     = "rg-triage-prod"
  location = "uksouth"
  tags     = { owner = var.owner }
}

resource "azurerm_cognitive_account" "triage" { # want AIG301
  name                          = "oai-triage-prod"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = var.allow_api_keys # want AIG201?
  public_network_access_enabled = var.public_access  # want AIG101?
  tags                          = { owner = var.owner }
}

# The public access switch is unknown, but the ACL denies by default: AIG101 passes whatever it is.
resource "azurerm_cognitive_account" "classifier" { # want AIG301
  name                          = "lang-triage-classifier"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "TextAnalytics"
  sku_name                      = "S"
  custom_subdomain_name         = "lang-triage-classifier"
  local_auth_enabled            = !var.allow_api_keys # want AIG201?
  public_network_access_enabled = var.public_access

  network_acls {
    default_action = "Deny"
  }
}

# Public access not written (defaults to on), and the ACL action is unknown: the finding lands on it.
resource "azurerm_cognitive_account" "summaries" { # want AIG301
  name                  = "oai-triage-summaries"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-triage-summaries"
  local_auth_enabled    = false

  network_acls {
    default_action = var.acl_default_action # want AIG101?
  }
}

# Mixed: the ACL is written and allows, but whether it matters depends on the unknown public access
# switch. The finding lands on public_network_access_enabled (written, so it comes first) and is
# unknown, because public access off would pass.
resource "azurerm_cognitive_account" "reports" { # want AIG301
  name                          = "oai-triage-reports"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-triage-reports"
  local_auth_enabled            = false
  public_network_access_enabled = var.public_access # want AIG101?

  network_acls {
    default_action = "Allow"
  }
}

# Mixed the other way: public access is written as on, the ACL action is unknown. Same line rule,
# and unknown again, because a Deny ACL would pass.
resource "azurerm_cognitive_account" "exports" { # want AIG301
  name                          = "oai-triage-exports"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-triage-exports"
  local_auth_enabled            = false
  public_network_access_enabled = true # want AIG101?

  network_acls {
    default_action = var.acl_default_action
  }
}
