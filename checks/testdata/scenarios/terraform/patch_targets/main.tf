# Patches decide an account only when they surely apply to it alone.
variable "primary" {
  type = bool
}

variable "idx" {
  type = number
}

variable "use_cmk" {
  type = bool
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-patches"
  location = "westeurope"
}

# A key aimed by a condition that is not known may land on either account: both are uncertain.
resource "azurerm_cognitive_account" "a" { # want AIG301?
  name                          = "oai-a"
  location                      = "westeurope"
  resource_group_name           = azurerm_resource_group.rg.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

resource "azurerm_cognitive_account" "b" { # want AIG301?
  name                          = "oai-b"
  location                      = "westeurope"
  resource_group_name           = azurerm_resource_group.rg.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

resource "azurerm_cognitive_account_customer_managed_key" "either" {
  cognitive_account_id = var.primary ? azurerm_cognitive_account.a.id : azurerm_cognitive_account.b.id
  key_vault_key_id     = "https://kv-patches.vault.azure.net/keys/cmk"
}

# An index that is not known may pick either shard.
resource "azurerm_cognitive_account" "shard" { # want AIG301? AIG301?
  count                         = 2
  name                          = "oai-shard-${count.index}"
  location                      = "westeurope"
  resource_group_name           = azurerm_resource_group.rg.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

resource "azurerm_cognitive_account_customer_managed_key" "shard" {
  cognitive_account_id = azurerm_cognitive_account.shard[var.idx].id
  key_vault_key_id     = "https://kv-patches.vault.azure.net/keys/cmk"
}

# The resource group is unknown, but the account's name is written out in the ID; the type is written
# in lower case, which ARM accepts. The patch turns keys off and closes the network.
resource "azurerm_cognitive_account" "x" { # want AIG301
  name                = "oai-x"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.rg.name
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azapi_update_resource" "x" {
  type        = "microsoft.cognitiveservices/accounts@2025-06-01"
  resource_id = "${azurerm_resource_group.rg.id}/providers/Microsoft.CognitiveServices/accounts/oai-x"
  body = {
    properties = {
      disableLocalAuth    = true
      publicNetworkAccess = "Disabled"
    }
  }
}

# An update named through the account's name attribute patches that account only.
resource "azurerm_cognitive_account" "named" { # want AIG301
  name                          = "oai-named"
  location                      = "westeurope"
  resource_group_name           = azurerm_resource_group.rg.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = false
}

resource "azapi_update_resource" "named" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = azurerm_cognitive_account.named.name
  parent_id = azurerm_resource_group.rg.id
  body = {
    properties = {
      disableLocalAuth = true
    }
  }
}

# A key that a module creates only when var.use_cmk is true.
resource "azurerm_cognitive_account" "maybe" { # want AIG301?
  name                          = "oai-maybe"
  location                      = "westeurope"
  resource_group_name           = azurerm_resource_group.rg.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

module "cmk" {
  source     = "./modules/cmk"
  count      = var.use_cmk ? 1 : 0
  account_id = azurerm_cognitive_account.maybe.id
}

# A patch aimed at what a module that is not downloaded outputs lies outside the configuration: it
# changes none of the accounts here.
module "remote" { # want warning
  source  = "contoso/openai/azurerm"
  version = "1.2.0"
}

resource "azapi_update_resource" "remote" {
  type        = "Microsoft.CognitiveServices/accounts@2025-06-01"
  resource_id = module.remote.account_id
  body = {
    properties = {
      disableLocalAuth = false
    }
  }
}
