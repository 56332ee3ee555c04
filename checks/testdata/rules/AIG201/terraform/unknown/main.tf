# Whether keys are on is only known at plan or apply time: a variable without a value and a data source.
# The findings are of unknown confidence and land on the attribute that decides them.

variable "allow_api_keys" {
  type        = bool
  description = "Set by the release pipeline."
}

data "azurerm_app_configuration_key" "keys" {
  configuration_store_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform/providers/Microsoft.AppConfiguration/configurationStores/appcs-platform"
  key                    = "ai/openai/api-keys"
}

resource "azurerm_cognitive_account" "openai" {
  name                = "oai-aig201-unknown"
  location            = "swedencentral"
  resource_group_name = "rg-aig201"
  kind                = "OpenAI"
  sku_name            = "S0"
  local_auth_enabled  = var.allow_api_keys # want AIG201?
}

resource "azurerm_ai_services" "foundry" {
  name                         = "ais-aig201-unknown"
  location                     = "swedencentral"
  resource_group_name          = "rg-aig201"
  sku_name                     = "S0"
  local_authentication_enabled = data.azurerm_app_configuration_key.keys.value == "on" # want AIG201?
}

resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig201-azapi-unknown"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig201"
  location  = "swedencentral"

  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      disableLocalAuth = !var.allow_api_keys # want AIG201?
    }
  }
}

# An unknown value that decides nothing (the name) leaves a certain finding certain.
resource "azurerm_cognitive_account" "named" { # want AIG201
  name                = "oai-aig201-${data.azurerm_app_configuration_key.keys.label}"
  location            = "swedencentral"
  resource_group_name = "rg-aig201"
  kind                = "OpenAI"
  sku_name            = "S0"
}
