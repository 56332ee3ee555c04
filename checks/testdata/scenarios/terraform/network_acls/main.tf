# AIG101 passes when public network access is off OR the network ACLs deny by default.
# Every account below has keys off and no customer-managed key, so AIG301 lands on each header.

resource "azurerm_resource_group" "ai" {
  name     = "rg-docintel-prod-weu"
  location = "westeurope"
}

# Public access left on, but the ACLs deny everything not listed: not reachable from any network.
resource "azurerm_cognitive_account" "allowlisted" { # want AIG301
  name                          = "oai-docintel-allowlisted"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-docintel-allowlisted"
  public_network_access_enabled = true
  local_auth_enabled            = false

  network_acls {
    default_action = "Deny"
    ip_rules       = ["198.51.100.10", "198.51.100.0/28"]
  }
}

# Public access not written (defaults to on) and the ACL allows by default: the finding lands on
# default_action, the only deciding value the user wrote.
resource "azurerm_cognitive_account" "allow_acl" { # want AIG301
  name                  = "oai-docintel-allowacl"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-docintel-allowacl"
  local_auth_enabled    = false

  network_acls {
    default_action = "Allow" # want AIG101
    ip_rules       = ["198.51.100.10"]
  }
}

# Both written and both open: the finding lands on public_network_access_enabled.
resource "azurerm_cognitive_account" "both_open" { # want AIG301
  name                          = "oai-docintel-bothopen"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-docintel-bothopen"
  public_network_access_enabled = true # want AIG101
  local_auth_enabled            = false

  network_acls {
    default_action = "Allow"
  }
}

# Public access off: an Allow ACL no longer matters.
resource "azurerm_cognitive_account" "private" { # want AIG301
  name                          = "oai-docintel-private"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-docintel-private"
  public_network_access_enabled = false
  local_auth_enabled            = false

  network_acls {
    default_action = "Allow"
  }
}

# Only a Deny ACL, public access at its default: passes.
resource "azurerm_cognitive_account" "deny_only" { # want AIG301
  name                  = "oai-docintel-denyonly"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-docintel-denyonly"
  local_auth_enabled    = false

  network_acls {
    default_action = "Deny"

    virtual_network_rules {
      subnet_id                            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-apps"
      ignore_missing_vnet_service_endpoint = false
    }
  }
}
