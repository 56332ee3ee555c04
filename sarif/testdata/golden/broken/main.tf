resource "azurerm_cognitive_account" "half" {
  name = "oai-half"
