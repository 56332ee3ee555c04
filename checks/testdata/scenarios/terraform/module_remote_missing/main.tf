# Two remote modules that were never downloaded (no .terraform folder): both are skipped with a
# warning and produce no finding. The local account below is still scanned.

resource "azurerm_resource_group" "ai" {
  name     = "rg-voicebot-prod"
  location = "swedencentral"
}

module "openai" { # want warning
  source  = "Azure/avm-res-cognitiveservices-account/azurerm"
  version = "~> 0.7"

  name                  = "oai-voicebot-prod"
  parent_id             = azurerm_resource_group.ai.id
  location              = azurerm_resource_group.ai.location
  kind                  = "OpenAI"
  sku_name              = "S0"
  local_auth_enabled    = true
  custom_subdomain_name = "oai-voicebot-prod"
}

module "network" { # want warning
  source = "git::https://dev.azure.com/contoso/platform/_git/terraform-modules//network/hub-spoke?ref=v3.2.1"

  name     = "vnet-voicebot-prod"
  location = azurerm_resource_group.ai.location
}

resource "azurerm_cognitive_account" "speech" { # want AIG201 AIG301
  name                  = "spch-voicebot-prod"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "SpeechServices"
  sku_name              = "S0"
  custom_subdomain_name = "spch-voicebot-prod"

  network_acls {
    default_action = "Deny"

    virtual_network_rules {
      subnet_id = module.network.subnet_ids["ai"]
    }
  }
}

# An output of a module that was not scanned is unknown.
resource "azurerm_cognitive_account" "language" { # want AIG301
  name                          = "lang-voicebot-prod"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "TextAnalytics"
  sku_name                      = "S"
  local_auth_enabled            = false
  public_network_access_enabled = module.network.allow_public_ai_access # want AIG101?
}
