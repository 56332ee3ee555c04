locals {
  prefix              = "oai-${local.environment}-${local.location_short}"
  resource_group_name = "rg-${local.prefix}"
  location_short      = lookup(local.location_abbreviations, local.location, "xx")
  location            = var.location

  location_abbreviations = {
    swedencentral = "swc"
    eastus2       = "eus2"
  }

  lockdown = {
    local_auth_enabled            = false
    public_network_access_enabled = false
  }
}
