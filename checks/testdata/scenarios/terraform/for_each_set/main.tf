variable "regions" {
  type    = list(string)
  default = ["eastus2", "swedencentral", "eastus2"]
}

variable "private_regions" {
  type    = list(string)
  default = ["eastus2", "swedencentral"]
}

variable "pilot_regions" {
  type    = set(string)
  default = ["westus3", "norwayeast"]
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-fabrikam-openai"
  location = "eastus2"
}

# toset drops the duplicate region; every region is private, so only AIG301 fires (on the header).
resource "azurerm_cognitive_account" "regional" { # want AIG301 AIG301
  for_each                      = toset(var.regions)
  name                          = "oai-fabrikam-${each.key}"
  location                      = each.value
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = false
  public_network_access_enabled = contains(var.private_regions, each.value) ? false : true
}

# westus3 is the only pilot region that keeps API keys.
resource "azurerm_cognitive_account" "pilot" { # want AIG301 AIG301
  for_each                      = var.pilot_regions
  name                          = "oai-fabrikam-pilot-${each.key}"
  location                      = each.key
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = each.key == "westus3" # want AIG201
  public_network_access_enabled = false
}

# An empty set creates nothing.
resource "azurerm_cognitive_account" "disaster_recovery" {
  for_each            = toset([])
  name                = "oai-fabrikam-dr-${each.key}"
  location            = each.key
  resource_group_name = azurerm_resource_group.ai.name
  kind                = "OpenAI"
  sku_name            = "S0"
}
