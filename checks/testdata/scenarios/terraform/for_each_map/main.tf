resource "azurerm_resource_group" "ai" {
  name     = "rg-helpdesk-ai"
  location = "eastus2"
}

# dev keeps its keys (each.value) and, like test, is public (each.key); prod passes both.
resource "azurerm_cognitive_account" "env" { # want AIG301 AIG301 AIG301
  for_each                      = var.accounts
  name                          = "oai-helpdesk-${each.key}"
  location                      = each.value.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = each.value.sku
  local_auth_enabled            = each.value.allow_keys             # want AIG201
  public_network_access_enabled = each.key == "prod" ? false : true # want AIG101 AIG101
}

# The same map filtered down to prod: nothing fails but the key source.
resource "azurerm_cognitive_account" "prod_only" { # want AIG301
  for_each                      = { for name, cfg in var.accounts : name => cfg if name == "prod" }
  name                          = "oai-helpdesk-${each.key}-eu"
  location                      = "westeurope"
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = each.value.sku
  local_auth_enabled            = each.value.allow_keys
  public_network_access_enabled = each.key == "prod" ? false : true
}

# Instances without keys only: every value of allow_keys here is false.
resource "azurerm_cognitive_account" "keyless" { # want AIG301 AIG301
  for_each                      = { for name, cfg in var.accounts : name => cfg if !cfg.allow_keys }
  name                          = "oai-helpdesk-${each.key}-keyless"
  location                      = each.value.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = each.value.sku
  local_auth_enabled            = each.value.allow_keys
  public_network_access_enabled = false
}
