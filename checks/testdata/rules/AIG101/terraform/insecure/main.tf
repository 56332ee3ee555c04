# Open to any network in so many words. The finding lands on the first deciding value written: public
# access, else the ACL's default action.

resource "azurerm_cognitive_account" "openai" {
  name                          = "oai-aig101-insecure"
  location                      = "swedencentral"
  resource_group_name           = "rg-aig101"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = true # want AIG101
}

resource "azurerm_ai_services" "foundry" {
  name                  = "ais-aig101-insecure"
  location              = "swedencentral"
  resource_group_name   = "rg-aig101"
  sku_name              = "S0"
  public_network_access = "Enabled" # want AIG101

  network_acls {
    default_action = "Allow"
  }
}

# Public access at its default, an ACL that allows by default: the ACL is the only value written.
resource "azurerm_cognitive_account" "allow_acl" {
  name                  = "oai-aig101-allowacl"
  location              = "swedencentral"
  resource_group_name   = "rg-aig101"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-aig101-allowacl"

  network_acls {
    default_action = "Allow" # want AIG101
    ip_rules       = ["198.51.100.10"]
  }
}

resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "oai-aig101-azapi-insecure"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aig101"
  location  = "swedencentral"

  body = jsonencode({
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      publicNetworkAccess = "Enabled" # want AIG101
    }
  })
}
