# Pure settings: no resources, only a table and outputs.
variable "environment" {
  type = string
}

locals {
  profiles = {
    prod = {
      local_auth_enabled            = false
      public_network_access_enabled = false
      cmk_required                  = true
    }
    dev = {
      local_auth_enabled            = true
      public_network_access_enabled = true
      cmk_required                  = false
    }
  }
}

output "openai" {
  value = local.profiles[var.environment]
}
