# Values that only exist after (or during) deployment: data sources and attributes another resource
# computes. A finding that rests on them is reported with confidence "unknown".

data "terraform_remote_state" "network" {
  backend = "azurerm"
  config = {
    resource_group_name  = "rg-tfstate"
    storage_account_name = "sttfstatecontoso"
    container_name       = "tfstate"
    key                  = "network.tfstate"
  }
}

data "azurerm_app_configuration" "platform" {
  name                = "appcs-platform"
  resource_group_name = "rg-platform"
}

data "azurerm_app_configuration_key" "api_keys" {
  configuration_store_id = data.azurerm_app_configuration.platform.id
  key                    = "ai/openai/api-keys"
  label                  = "prod"
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-agents-prod"
  location = "eastus2"
}

resource "azurerm_virtual_network" "ai" {
  name                = "vnet-agents-prod"
  location            = azurerm_resource_group.ai.location
  resource_group_name = azurerm_resource_group.ai.name
  address_space       = ["10.40.0.0/16"]
}

resource "azurerm_subnet" "endpoints" {
  name                 = "snet-endpoints"
  resource_group_name  = azurerm_resource_group.ai.name
  virtual_network_name = azurerm_virtual_network.ai.name
  address_prefixes     = ["10.40.1.0/24"]
  service_endpoints    = ["Microsoft.CognitiveServices"]
}

# Public access comes from another state file, keys from a feature flag in App Configuration.
resource "azurerm_cognitive_account" "agents" { # want AIG301
  name                          = "oai-agents-prod"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = data.terraform_remote_state.network.outputs.openai_public_access # want AIG101?
  local_auth_enabled            = data.azurerm_app_configuration_key.api_keys.value == "enabled"   # want AIG201?
}

# The ACL action depends on the id the subnet gets when it is created.
resource "azurerm_cognitive_account" "tools" { # want AIG301
  name                  = "oai-agents-tools"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-agents-tools"
  local_auth_enabled    = false

  network_acls {
    default_action = azurerm_subnet.endpoints.id != "" ? "Deny" : "Allow" # want AIG101?

    virtual_network_rules {
      subnet_id = azurerm_subnet.endpoints.id
    }
  }
}

# Unknown values that decide nothing: the subnet id in a rule and the data-source location.
resource "azurerm_cognitive_account" "memory" { # want AIG301
  name                          = "oai-agents-memory"
  location                      = data.azurerm_app_configuration.platform.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-agents-memory"
  public_network_access_enabled = false
  local_auth_enabled            = false

  network_acls {
    default_action = "Deny"

    virtual_network_rules {
      subnet_id = azurerm_subnet.endpoints.id
    }
  }
}
