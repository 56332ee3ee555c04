variable "exposure" {
  description = "PUBLIC or PRIVATE, as written in the service catalogue."
  type        = string
  default     = "PRIVATE"
}

variable "ai_policy_json" {
  description = "Policy document exported by the governance team."
  type        = string
  default     = "{\"allowKeys\": true, \"network\": {\"defaultAction\": \"Deny\"}}"
}

variable "office_range" {
  description = "CIDR of the office network; left as a placeholder until networking hands it over."
  type        = string
  default     = "not-set"
}

variable "cognitive_api_version" {
  type    = string
  default = "2025-06-01"
}

data "azurerm_resource_group" "ai" {
  name = "rg-legal-ai"
}

locals {
  policy = jsondecode(var.ai_policy_json)

  # A round trip through JSON keeps the values.
  lockdown = jsondecode(jsonencode({ keys = false, public = false }))
}

# lower: "PRIVATE" becomes "private", so public access is off; jsondecode: the policy allows keys.
resource "azurerm_cognitive_account" "contracts" { # want AIG301
  name                          = "oai-legal-contracts"
  location                      = data.azurerm_resource_group.ai.location
  resource_group_name           = data.azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = format("oai-legal-%s", "contracts")
  public_network_access_enabled = lower(var.exposure) != "private"
  local_auth_enabled            = local.policy.allowKeys # want AIG201

  network_acls {
    default_action = local.policy.network.defaultAction
  }
}

# cidrsubnet fails on the placeholder, so can() is false and the ACL allows by default.
resource "azurerm_cognitive_account" "discovery" { # want AIG301
  name                  = "oai-legal-discovery"
  location              = data.azurerm_resource_group.ai.location
  resource_group_name   = data.azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-legal-discovery"
  local_auth_enabled    = local.lockdown.keys

  network_acls {
    default_action = can(cidrsubnet(var.office_range, 4, 0)) ? "Deny" : "Allow" # want AIG101
    ip_rules       = can(cidrsubnet(var.office_range, 4, 0)) ? [cidrsubnet(var.office_range, 4, 0)] : []
  }
}

# format builds the azapi type: it is still an AI account, and its body leaves every setting open.
resource "azapi_resource" "redaction" { # want AIG101 AIG201 AIG301
  type      = format("Microsoft.CognitiveServices/accounts@%s", var.cognitive_api_version)
  name      = "ai-legal-redaction"
  parent_id = data.azurerm_resource_group.ai.id
  location  = data.azurerm_resource_group.ai.location

  body = {
    kind = "AIServices"
    sku = {
      name = "S0"
    }
    properties = {
      customSubDomainName = format("ai-legal-%s", lower("REDACTION"))
    }
  }
}
