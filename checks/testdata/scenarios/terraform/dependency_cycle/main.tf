# Locals that depend on each other are reported where they stand; a local that only waits behind them
# is evaluated, with the cycle's values unknown.
locals {
  keys_enabled = local.policy.keys # want warning
  policy       = { keys = local.keys_enabled, public = false } # want warning
  settings     = merge(local.policy, { sku = "S0" })
  public       = false
}

resource "azurerm_cognitive_account" "chat" { # want AIG301
  name                          = "oai-chat-weu"
  location                      = "westeurope"
  resource_group_name           = "rg-chat"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = local.public
  local_auth_enabled            = local.settings.keys # want AIG201?
}
