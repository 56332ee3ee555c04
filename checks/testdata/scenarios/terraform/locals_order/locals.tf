locals {
  openai_settings = {
    local_auth_enabled            = local.api_keys_allowed
    public_network_access_enabled = local.is_sandbox
  }

  shared_settings = merge(local.openai_settings, local.lockdown)

  api_keys_allowed = local.is_sandbox && var.legacy_clients
  is_sandbox       = local.environment == "sandbox"
  environment      = lower(var.environment_name)
}
