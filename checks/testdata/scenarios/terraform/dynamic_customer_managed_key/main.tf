variable "customer_managed_key" {
  description = "Key Vault key for the general-purpose account; null keeps Microsoft-managed keys."
  type = object({
    key_vault_key_id   = string
    identity_client_id = string
  })
  default = null
}

locals {
  regulated_cmk = [{
    key_vault_key_id   = "https://kv-claims-cmk.vault.azure.net/keys/cmk-oai-claims"
    identity_client_id = "11111111-2222-3333-4444-555555555555"
  }]
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-claims-ai"
  location = "westeurope"
}

# var.customer_managed_key is null: no block is generated and the key source stays Microsoft-managed.
resource "azurerm_cognitive_account" "general" { # want AIG301
  name                          = "oai-claims-general"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-claims-general"
  public_network_access_enabled = false
  local_auth_enabled            = false

  identity {
    type = "SystemAssigned"
  }

  dynamic "customer_managed_key" {
    for_each = var.customer_managed_key == null ? [] : [var.customer_managed_key]
    content {
      key_vault_key_id   = customer_managed_key.value.key_vault_key_id
      identity_client_id = customer_managed_key.value.identity_client_id
    }
  }
}

# One block generated from a local: encrypted with the customer's key. No finding.
resource "azurerm_cognitive_account" "regulated" {
  name                          = "oai-claims-regulated"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-claims-regulated"
  public_network_access_enabled = false
  local_auth_enabled            = false

  identity {
    type         = "UserAssigned"
    identity_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-claims-ai/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-oai-claims"]
  }

  dynamic "customer_managed_key" {
    for_each = local.regulated_cmk
    content {
      key_vault_key_id   = customer_managed_key.value.key_vault_key_id
      identity_client_id = customer_managed_key.value.identity_client_id
    }
  }
}
