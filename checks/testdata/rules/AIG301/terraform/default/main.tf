# No customer-managed key anywhere: no customer_managed_key block, no
# azurerm_cognitive_account_customer_managed_key resource targets the account, no encryption in an azapi
# body. Microsoft-managed keys apply and each finding lands on the resource header.

variable "customer_managed_key" {
  description = "Key Vault key; null keeps Microsoft-managed keys."
  type = object({
    key_vault_key_id   = string
    identity_client_id = string
  })
  default = null
}

resource "azurerm_cognitive_account" "openai" { # want AIG301
  name                = "oai-aig301-default"
  location            = "swedencentral"
  resource_group_name = "rg-aig301"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_ai_services" "foundry" { # want AIG301
  name                = "ais-aig301-default"
  location            = "swedencentral"
  resource_group_name = "rg-aig301"
  sku_name            = "S0"
}

# The dynamic block generates nothing when the variable is null.
resource "azurerm_cognitive_account" "optional" { # want AIG301
  name                = "oai-aig301-optional"
  location            = "swedencentral"
  resource_group_name = "rg-aig301"
  kind                = "OpenAI"
  sku_name            = "S0"

  dynamic "customer_managed_key" {
    for_each = var.customer_managed_key == null ? [] : [var.customer_managed_key]
    content {
      key_vault_key_id   = customer_managed_key.value.key_vault_key_id
      identity_client_id = customer_managed_key.value.identity_client_id
    }
  }
}

resource "azapi_resource" "openai" { # want AIG301
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig301-azapi-default"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig301"
  location  = "swedencentral"

  body = {
    kind       = "OpenAI"
    sku        = { name = "S0" }
    properties = { customSubDomainName = "oai-aig301-azapi-default" }
  }
}
