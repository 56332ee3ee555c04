# Values known only at plan or apply time. A finding that rests on them is of unknown confidence; an
# unknown that cannot change the outcome (public access behind a Deny ACL) makes no finding.

variable "public_access" {
  type        = bool
  description = "Set by the release pipeline."
}

variable "acl_default_action" {
  type = string
}

resource "azurerm_cognitive_account" "openai" {
  name                          = "oai-aig101-unknown"
  location                      = "swedencentral"
  resource_group_name           = "rg-aig101"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = var.public_access # want AIG101?
}

# Public access at its default, the ACL action unknown: the finding lands on the ACL.
resource "azurerm_ai_services" "foundry" {
  name                = "ais-aig101-unknown"
  location            = "swedencentral"
  resource_group_name = "rg-aig101"
  sku_name            = "S0"

  network_acls {
    default_action = var.acl_default_action # want AIG101?
  }
}

# Public access written as on, the ACL action unknown: lands on public access, still unknown.
resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig101-azapi-unknown"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig101"
  location  = "swedencentral"

  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      publicNetworkAccess = "Enabled" # want AIG101?
      networkAcls         = { defaultAction = var.acl_default_action }
    }
  }
}

resource "azurerm_cognitive_account" "allowlisted" {
  name                          = "oai-aig101-allowlisted"
  location                      = "swedencentral"
  resource_group_name           = "rg-aig101"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = var.public_access

  network_acls {
    default_action = "Deny"
  }
}
