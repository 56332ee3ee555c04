# Body patterns from real modules (Azure Verified Modules among them).
variable "api_version" {
  type = string
}

variable "hardened" {
  type = bool
}

variable "subnet_id" {
  type = string
}

variable "local_auth_enabled" {
  type    = bool
  default = true
}

# The api-version is not known, but the type before it is.
resource "azapi_resource" "versioned" { # want AIG301
  type = "Microsoft.CognitiveServices/accounts@${var.api_version}"
  name = "oai-versioned"
  body = {
    kind = "OpenAI"
    properties = {
      publicNetworkAccess = "Disabled"
      disableLocalAuth    = false # want AIG201
    }
  }
}

# Every property hangs on a condition that is not known: each may or may not be sent.
resource "azapi_resource" "conditional" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name = "oai-conditional"
  body = {
    kind = "OpenAI"
    properties = { for k, v in {
      publicNetworkAccess = "Disabled"                       # want AIG101?
      disableLocalAuth    = true                             # want AIG201?
      encryption          = { keySource = "Microsoft.KeyVault" } # want AIG301?
    } : k => v if var.hardened }
  }
}

# merge() of a filtered literal, as azapi modules build bodies: each property keeps its own line.
resource "azapi_resource" "merged" { # want AIG301
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name = "oai-merged"
  body = {
    kind = "AIServices"
    properties = merge({ for k, v in {
      publicNetworkAccess = "Enabled" # want AIG101
      disableLocalAuth    = !var.local_auth_enabled # want AIG201
      customSubDomainName = null
    } : k => v if v != null }, {})
  }
}

# try() around an object with one member unknown keeps the others.
resource "azapi_resource" "tried" { # want AIG201 AIG301
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name = "oai-tried"
  body = {
    kind = "OpenAI"
    properties = {
      publicNetworkAccess = "Enabled"
      networkAcls = try({
        defaultAction       = "Deny"
        virtualNetworkRules = [for s in [var.subnet_id] : { id = s }]
      }, null)
    }
  }
}
