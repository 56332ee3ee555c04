variable "clients" {
  description = "Applications that call the OpenAI accounts, and how they authenticate."
  type = list(object({
    name = string
    team = string
    auth = string # "entra" or "key"
  }))
  default = [
    { name = "chat-web", team = "support", auth = "entra" },
    { name = "ticket-router", team = "support", auth = "key" },
    { name = "semantic-search", team = "search", auth = "entra" },
  ]
}

variable "network_rules" {
  type = list(object({
    name   = string
    action = string
    cidr   = string
  }))
  default = [
    { name = "office-oslo", action = "Allow", cidr = "203.0.113.0/24" },
    { name = "office-bergen", action = "Allow", cidr = "198.51.100.0/24" },
  ]
}

locals {
  rule_actions = var.network_rules[*].action
  office_cidrs = [for r in var.network_rules : r.cidr if r.action == "Allow"]
  key_clients  = { for c in var.clients : c.name => c.team if c.auth == "key" }
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-support-ai"
  location = "norwayeast"
}

# One support client still uses a key, so the support account keeps keys on.
resource "azurerm_cognitive_account" "support" { # want AIG301
  name                          = "oai-support"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = false
  local_auth_enabled            = anytrue([for c in var.clients : c.auth == "key" && c.team == "support"]) # want AIG201
}

# No search client uses a key. The ACL action comes from a splat: every rule is an Allow for an office,
# so the ACL denies everything else.
resource "azurerm_cognitive_account" "search" { # want AIG301
  name                  = "oai-search"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-search-contoso"
  local_auth_enabled    = contains(values(local.key_clients), "search")

  network_acls {
    default_action = alltrue([for a in local.rule_actions : a == "Allow"]) ? "Deny" : "Allow"
    ip_rules       = local.office_cidrs
  }
}

# Public access is switched on whenever office rules exist (a splat over their names), but no ACL
# is attached to this account, so it is open.
resource "azurerm_cognitive_account" "router" { # want AIG301
  name                          = "oai-router"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = length(var.network_rules[*].name) > 0 # want AIG101
  local_auth_enabled            = length([for c in var.clients : c if c.auth == "key"]) > 1
}
