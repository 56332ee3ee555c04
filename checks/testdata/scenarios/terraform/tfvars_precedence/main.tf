resource "azurerm_resource_group" "ai" {
  name     = "rg-knowledge-prod"
  location = "francecentral"
}

resource "azurerm_cognitive_account" "chat" { # want AIG301
  name                          = "oai-knowledge-chat"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = var.chat_api_keys
  public_network_access_enabled = var.chat_public_access # want AIG101
}

resource "azurerm_cognitive_account" "embeddings" { # want AIG301
  name                          = "oai-knowledge-embeddings"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  local_auth_enabled            = var.embeddings_api_keys
  public_network_access_enabled = var.embeddings_public_access # want AIG101
}

resource "azurerm_cognitive_account" "vision" { # want AIG301
  name                          = "cv-knowledge-ocr"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "ComputerVision"
  sku_name                      = "S1"
  local_auth_enabled            = var.vision_api_keys
  public_network_access_enabled = false
}
