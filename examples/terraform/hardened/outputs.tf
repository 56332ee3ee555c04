# Endpoints only: callers authenticate with Microsoft Entra ID, so no key is exported.

output "openai_endpoint" {
  value = azurerm_cognitive_account.openai.endpoint
}

output "ai_services_endpoint" {
  value = azurerm_ai_services.this.endpoint
}

output "foundry_endpoint" {
  value = azapi_resource.foundry.output.properties.endpoint
}
