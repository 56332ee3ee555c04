resource "azurerm_cognitive_account" "batch" {
  public_network_access_enabled = true # want AIG101
}
