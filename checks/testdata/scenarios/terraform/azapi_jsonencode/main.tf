# azapi v1: body is a JSON string built with jsonencode. Findings land on the property lines inside
# the jsonencode argument, or on the header when the property is absent.

terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 1.15"
    }
  }
}

variable "disable_local_auth" {
  type    = bool
  default = true
}

variable "resource_group_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-kb-assistant"
}

resource "azapi_resource" "openai" { # want AIG301
  type      = "Microsoft.CognitiveServices/accounts@2023-05-01"
  name      = "oai-kb-assistant"
  parent_id = var.resource_group_id
  location  = "canadaeast"

  body = jsonencode({
    kind = "OpenAI"
    sku = {
      name = "S0"
    }
    properties = {
      customSubDomainName = "oai-kb-assistant"
      publicNetworkAccess = "Enabled" # want AIG101
      disableLocalAuth    = var.disable_local_auth
    }
  })

  response_export_values = ["properties.endpoint"]
}

# encryption is outside properties, where ARM does not read it: the key stays Microsoft-managed.
resource "azapi_resource" "misplaced_encryption" { # want AIG301
  type      = "Microsoft.CognitiveServices/accounts@2023-05-01"
  name      = "oai-kb-archive"
  parent_id = var.resource_group_id
  location  = "canadaeast"

  identity {
    type = "SystemAssigned"
  }

  body = jsonencode({
    kind = "OpenAI"
    sku  = { name = "S0" }
    encryption = {
      keySource = "Microsoft.KeyVault"
      keyVaultProperties = {
        keyVaultUri = "https://kv-kb-cmk.vault.azure.net/"
        keyName     = "cmk-oai-kb"
        keyVersion  = "fedcba9876543210fedcba9876543210"
      }
    }
    properties = {
      customSubDomainName = "oai-kb-archive"
      disableLocalAuth    = true
      networkAcls = {
        defaultAction = "Deny"
        ipRules       = [{ value = "203.0.113.0/24" }]
      }
    }
  })

  schema_validation_enabled = false
}

# The type is matched without regard to case; an empty properties object leaves every default.
resource "azapi_resource" "vision" { # want AIG101 AIG201 AIG301
  type      = "microsoft.cognitiveservices/accounts@2023-05-01"
  name      = "cv-kb-images"
  parent_id = var.resource_group_id
  location  = "canadaeast"

  body = jsonencode({
    kind       = "ComputerVision"
    sku        = { name = "S1" }
    properties = {}
  })
}

# Encrypted with the customer's key and locked down: no finding.
resource "azapi_resource" "summaries" {
  type      = "Microsoft.CognitiveServices/accounts@2023-05-01"
  name      = "oai-kb-summaries"
  parent_id = var.resource_group_id
  location  = "canadaeast"

  identity {
    type = "SystemAssigned"
  }

  body = jsonencode({
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName = "oai-kb-summaries"
      publicNetworkAccess = "Disabled"
      disableLocalAuth    = true
      encryption = {
        keySource = "Microsoft.KeyVault"
        keyVaultProperties = {
          keyVaultUri = "https://kv-kb-cmk.vault.azure.net/"
          keyName     = "cmk-oai-kb"
          keyVersion  = "fedcba9876543210fedcba9876543210"
        }
      }
    }
  })
}

resource "azapi_resource" "cmk_identity" {
  type      = "Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31"
  name      = "id-kb-translate"
  parent_id = var.resource_group_id
  location  = "canadaeast"
}

# Some values inside jsonencode are only known after apply (the identity's client id); the
# properties around them are still read one by one: keys on (certain), key source Key Vault.
resource "azapi_resource" "translate" {
  type      = "Microsoft.CognitiveServices/accounts@2023-05-01"
  name      = "oai-kb-translate"
  parent_id = var.resource_group_id
  location  = "canadaeast"

  identity {
    type         = "UserAssigned"
    identity_ids = [azapi_resource.cmk_identity.id]
  }

  body = jsonencode({
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName = "oai-kb-translate"
      publicNetworkAccess = "Disabled"
      disableLocalAuth    = false # want AIG201
      encryption = {
        keySource = "Microsoft.KeyVault"
        keyVaultProperties = {
          keyVaultUri      = "https://kv-kb-cmk.vault.azure.net/"
          keyName          = "cmk-oai-kb"
          keyVersion       = "fedcba9876543210fedcba9876543210"
          identityClientId = azapi_resource.cmk_identity.output.properties.clientId
        }
      }
    }
  })
}

# Not an AI account: the account rules do not apply, however open it is.
resource "azapi_resource" "search" {
  type      = "Microsoft.Search/searchServices@2023-11-01"
  name      = "srch-kb-assistant"
  parent_id = var.resource_group_id
  location  = "canadaeast"

  body = jsonencode({
    sku = { name = "standard" }
    properties = {
      publicNetworkAccess = "enabled"
      disableLocalAuth    = false
    }
  })
}
