variable "regions" {
  type    = list(string)
  default = ["eastus2", "swedencentral"]
}

variable "enable_sandbox" {
  type    = bool
  default = false
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-search-assist"
  location = var.regions[0]
}

# Two instances: only the first (eastus2) is public; both turn keys off.
module "regional" {
  source = "./modules/regional_openai"
  count  = length(var.regions)

  name                          = "oai-search-assist-${count.index}"
  location                      = var.regions[count.index]
  resource_group_name           = azurerm_resource_group.ai.name
  public_network_access_enabled = var.regions[count.index] == "eastus2"
  local_auth_enabled            = false
}

# count = 0: the module's insecure defaults create nothing.
module "sandbox" {
  source = "./modules/regional_openai"
  count  = var.enable_sandbox ? 1 : 0

  name                = "oai-search-assist-sandbox"
  location            = var.regions[0]
  resource_group_name = azurerm_resource_group.ai.name
}

output "account_ids" {
  value = module.regional[*].id
}
