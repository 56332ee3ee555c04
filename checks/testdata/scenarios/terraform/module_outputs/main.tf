# Outputs of one module feed the inputs of another: the policy module decides the settings, the key
# vault module makes the key, and the openai module applies them.

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "ai" {
  name     = "rg-claims-assistant"
  location = "westeurope"
}

module "policy_prod" {
  source      = "./modules/policy"
  environment = "prod"
}

module "policy_dev" {
  source      = "./modules/policy"
  environment = "dev"
}

module "keys" {
  source              = "./modules/keyvault"
  name                = "kv-claims-assist-cmk"
  resource_group_name = azurerm_resource_group.ai.name
  location            = azurerm_resource_group.ai.location
  tenant_id           = data.azurerm_client_config.current.tenant_id
}

# Prod: keys off, private, customer-managed key from the key vault module. No finding.
module "openai_prod" {
  source = "./modules/openai"

  name                          = "oai-claims-assist-prod"
  resource_group_name           = azurerm_resource_group.ai.name
  location                      = azurerm_resource_group.ai.location
  local_auth_enabled            = module.policy_prod.openai.local_auth_enabled
  public_network_access_enabled = module.policy_prod.openai.public_network_access_enabled
  enable_cmk                    = module.policy_prod.openai.cmk_required
  cmk_key_id                    = module.keys.key_id
  identity_id                   = module.keys.identity_id
  identity_client_id            = module.keys.identity_client_id
}

# Dev: the policy module allows keys and public access and requires no customer-managed key.
module "openai_dev" {
  source = "./modules/openai"

  name                          = "oai-claims-assist-dev"
  resource_group_name           = azurerm_resource_group.ai.name
  location                      = azurerm_resource_group.ai.location
  local_auth_enabled            = module.policy_dev.openai.local_auth_enabled
  public_network_access_enabled = module.policy_dev.openai.public_network_access_enabled
  enable_cmk                    = module.policy_dev.openai.cmk_required
  identity_id                   = module.keys.identity_id
  identity_client_id            = module.keys.identity_client_id
}

output "prod_endpoint" {
  value = module.openai_prod.endpoint
}
