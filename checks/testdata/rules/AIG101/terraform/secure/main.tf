# Public access off, or network ACLs that deny by default: either keeps the account off the internet.
# No finding.

resource "azurerm_cognitive_account" "private" {
  name                          = "oai-aig101-private"
  location                      = "swedencentral"
  resource_group_name           = "rg-aig101"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = false

  # Allow no longer matters once public access is off.
  network_acls {
    default_action = "Allow"
  }
}

# Public access at its default, but the ACL denies everything it does not list.
resource "azurerm_cognitive_account" "allowlisted" {
  name                  = "oai-aig101-allowlisted"
  location              = "swedencentral"
  resource_group_name   = "rg-aig101"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-aig101-allowlisted"

  network_acls {
    default_action = "Deny"
    ip_rules       = ["198.51.100.0/28"]
  }
}

resource "azurerm_ai_services" "foundry" {
  name                  = "ais-aig101-secure"
  location              = "swedencentral"
  resource_group_name   = "rg-aig101"
  sku_name              = "S0"
  public_network_access = "Disabled"
}

resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig101-azapi-secure"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig101"
  location  = "swedencentral"

  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      publicNetworkAccess = "Enabled"
      networkAcls = {
        defaultAction = "Deny"
        ipRules       = [{ value = "203.0.113.0/24" }]
      }
    }
  }
}
