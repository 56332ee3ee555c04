# Override files are merged into the blocks they name, as Terraform does: an argument replaces the
# original, a nested block type replaces all the original's blocks of that type.
variable "keys_enabled" {
  type    = bool
  default = true
}

locals {
  public = true
}

# security_override.tf turns keys off and denies by default; only the missing key is left.
resource "azurerm_cognitive_account" "chat" { # want AIG301
  name                          = "oai-chat-weu"
  location                      = "westeurope"
  resource_group_name           = "rg-chat"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-chat-weu"
  public_network_access_enabled = true
  local_auth_enabled            = true

  network_acls {
    default_action = "Allow"
  }
}

# override.tf opens this one: its public access line is where the finding lands.
resource "azurerm_cognitive_account" "batch" { # want AIG301
  name                          = "oai-batch-weu"
  location                      = "westeurope"
  resource_group_name           = "rg-chat"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-batch-weu"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

# The variable's default is overridden to false; the local to false.
resource "azurerm_cognitive_account" "embeddings" { # want AIG301
  name                          = "oai-embeddings-weu"
  location                      = "westeurope"
  resource_group_name           = "rg-chat"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-embeddings-weu"
  public_network_access_enabled = local.public
  local_auth_enabled            = var.keys_enabled
}
