# azapi v2: body is an HCL object in ARM shape. Findings land on the property lines inside body, or on
# the resource header when the property is absent from body.properties.

terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.4"
    }
  }
}

variable "allow_api_keys" {
  type    = bool
  default = false
}

resource "azapi_resource" "rg" {
  type     = "Microsoft.Resources/resourceGroups@2024-03-01"
  name     = "rg-foundry-ops"
  location = "eastus2"
}

# Foundry resource, fully hardened. No finding.
resource "azapi_resource" "foundry" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "aif-ops-prod"
  parent_id = azapi_resource.rg.id
  location  = "eastus2"

  identity {
    type         = "UserAssigned"
    identity_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-foundry-ops/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aif-ops"]
  }

  body = {
    kind = "AIServices"
    sku = {
      name = "S0"
    }
    properties = {
      customSubDomainName    = "aif-ops-prod"
      allowProjectManagement = true
      publicNetworkAccess    = "Disabled"
      disableLocalAuth       = !var.allow_api_keys
      networkAcls = {
        defaultAction = "Deny"
        ipRules       = []
      }
      encryption = {
        keySource = "Microsoft.KeyVault"
        keyVaultProperties = {
          keyVaultUri      = "https://kv-aif-ops.vault.azure.net/"
          keyName          = "cmk-aif-ops"
          keyVersion       = "0123456789abcdef0123456789abcdef"
          identityClientId = "11111111-2222-3333-4444-555555555555"
        }
      }
    }
  }
}

# Written insecure values land on their own lines, the service-managed key source too.
resource "azapi_resource" "playground" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "aif-ops-playground"
  parent_id = azapi_resource.rg.id
  location  = "eastus2"

  body = {
    kind = "AIServices"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName = "aif-ops-playground"
      publicNetworkAccess = "Enabled" # want AIG101
      disableLocalAuth    = false     # want AIG201
      encryption = {
        keySource = "Microsoft.CognitiveServices" # want AIG301
      }
    }
  }
}

# disableLocalAuth is at the top of body, not under properties: ARM ignores it, keys stay on.
resource "azapi_resource" "misplaced" { # want AIG201 AIG301
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-ops-misplaced"
  parent_id = azapi_resource.rg.id
  location  = "eastus2"

  body = {
    kind             = "OpenAI"
    disableLocalAuth = true
    sku = {
      name = "S0"
    }
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}

locals {
  account_defaults = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      disableLocalAuth    = true
      publicNetworkAccess = "Disabled"
    }
  }
}

# merge is shallow: the second properties object replaces the first, so disableLocalAuth and
# publicNetworkAccess from the defaults are gone (header).
resource "azapi_resource" "merged" { # want AIG101 AIG201 AIG301
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-ops-merged"
  parent_id = azapi_resource.rg.id
  location  = "eastus2"

  body = merge(local.account_defaults, {
    properties = {
      customSubDomainName = "oai-ops-merged"
    }
  })
}

# The whole body comes from a local: the findings land on the body attribute inside the resource.
resource "azapi_resource" "from_local" { # want AIG301
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-ops-fromlocal"
  parent_id = azapi_resource.rg.id
  location  = "eastus2"
  body      = local.open_account # want AIG101 AIG201
}

locals {
  open_account = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      disableLocalAuth    = false
      publicNetworkAccess = "Enabled"
    }
  }
}

# Child resources are not accounts: no account finding on a deployment.
resource "azapi_resource" "gpt4o" {
  type      = "Microsoft.CognitiveServices/accounts/deployments@2025-06-01"
  name      = "gpt-4o"
  parent_id = azapi_resource.playground.id

  body = {
    sku = {
      name     = "GlobalStandard"
      capacity = 50
    }
    properties = {
      model = {
        format  = "OpenAI"
        name    = "gpt-4o"
        version = "2024-11-20"
      }
    }
  }
}
