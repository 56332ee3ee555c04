# Values for the shared dev environment.
environment                   = "dev"
local_auth_enabled            = true
public_network_access_enabled = false
allowed_ip_ranges             = ["203.0.113.0/24"]
