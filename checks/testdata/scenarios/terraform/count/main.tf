resource "azurerm_resource_group" "ai" {
  name     = "rg-contoso-ai"
  location = var.regions[0]
}

# One account per region; each instance passes AIG101 and AIG201, and each fails AIG301 on the header.
resource "azurerm_cognitive_account" "regional" { # want AIG301 AIG301
  count                         = length(var.regions)
  name                          = format("oai-contoso-%s-%02d", var.regions[count.index], count.index + 1)
  location                      = var.regions[count.index]
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-contoso-${count.index}"
  local_auth_enabled            = false
  public_network_access_enabled = false
}

# Only the first instance keeps its keys (a canary for an old client); the second passes.
resource "azurerm_cognitive_account" "canary" { # want AIG301 AIG301
  count                         = 2
  name                          = "oai-contoso-canary-${count.index}"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = count.index == 0 # want AIG201
  public_network_access_enabled = false
}

# Not created: no findings, however insecure.
resource "azurerm_cognitive_account" "sandbox" {
  count               = var.enable_sandbox ? 1 : 0
  name                = "oai-contoso-sandbox"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_account" "retired" {
  count               = 0
  name                = "oai-contoso-retired"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  kind                = "OpenAI"
  sku_name            = "S0"
}

# count comes from a variable whose default (2) terraform.tfvars overrides with 0.
resource "azurerm_cognitive_account" "replica" {
  count               = var.replica_count
  name                = "oai-contoso-replica-${count.index}"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  kind                = "OpenAI"
  sku_name            = "S0"
}
