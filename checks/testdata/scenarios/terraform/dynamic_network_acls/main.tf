variable "partner_ip_ranges" {
  type    = list(string)
  default = []
}

variable "lab_network_rules" {
  type = list(object({
    action   = string
    ip_rules = list(string)
  }))
  default = [
    {
      action   = "Allow"
      ip_rules = ["192.0.2.0/24"]
    },
  ]
}

locals {
  # One element: exactly one network_acls block.
  internal_acls = ["Deny"]
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-research-ai"
  location = "swedencentral"
}

# A single Deny block from a one-element list: AIG101 passes.
resource "azurerm_cognitive_account" "internal" { # want AIG301
  name                  = "oai-research-internal"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-research-internal"
  local_auth_enabled    = false

  dynamic "network_acls" {
    for_each = local.internal_acls
    content {
      default_action = network_acls.value
      bypass         = "AzureServices"
    }
  }
}

# No partner ranges: the block is never generated, so nothing restricts the network (header).
resource "azurerm_cognitive_account" "partner" { # want AIG101 AIG301
  name                  = "oai-research-partner"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-research-partner"
  local_auth_enabled    = false

  dynamic "network_acls" {
    for_each = length(var.partner_ip_ranges) > 0 ? [var.partner_ip_ranges] : []
    content {
      default_action = "Deny"
      ip_rules       = network_acls.value
    }
  }
}

# The generated block allows by default: the finding lands on default_action inside content.
resource "azurerm_cognitive_account" "lab" { # want AIG301
  name                  = "oai-research-lab"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-research-lab"
  local_auth_enabled    = false

  dynamic "network_acls" {
    for_each = var.lab_network_rules
    iterator = rule
    content {
      default_action = rule.value.action # want AIG101
      ip_rules       = rule.value.ip_rules
    }
  }
}
