resource "azurerm_virtual_network" "this" {
  name                = "vnet-${var.prefix}-${var.environment}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  address_space       = [var.vnet_address_space]
  tags                = var.tags
}

resource "azurerm_subnet" "private_endpoints" {
  name                 = "snet-private-endpoints"
  resource_group_name  = azurerm_resource_group.this.name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet(var.vnet_address_space, 8, 1)]
}

locals {
  # Private DNS zones that AI accounts answer on behind a private endpoint.
  private_dns_zones = toset([
    "privatelink.openai.azure.com",
    "privatelink.cognitiveservices.azure.com",
    "privatelink.services.ai.azure.com",
  ])

  # Every AI account gets a private endpoint on its "account" sub-resource.
  ai_accounts = {
    openai  = azurerm_cognitive_account.openai.id
    ais     = azurerm_ai_services.this.id
    foundry = azapi_resource.foundry.id
  }
}

resource "azurerm_private_dns_zone" "ai" {
  for_each            = local.private_dns_zones
  name                = each.key
  resource_group_name = azurerm_resource_group.this.name
  tags                = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "ai" {
  for_each              = azurerm_private_dns_zone.ai
  name                  = "link-${azurerm_virtual_network.this.name}"
  resource_group_name   = azurerm_resource_group.this.name
  private_dns_zone_name = each.value.name
  virtual_network_id    = azurerm_virtual_network.this.id
}

resource "azurerm_private_endpoint" "ai" {
  for_each            = local.ai_accounts
  name                = "pe-${each.key}-${var.prefix}-${var.environment}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  subnet_id           = azurerm_subnet.private_endpoints.id
  tags                = var.tags

  private_service_connection {
    name                           = "psc-${each.key}"
    private_connection_resource_id = each.value
    subresource_names              = ["account"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [for zone in azurerm_private_dns_zone.ai : zone.id]
  }
}
