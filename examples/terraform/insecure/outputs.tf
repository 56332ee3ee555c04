output "openai_endpoint" {
  value = azurerm_cognitive_account.openai.endpoint
}

output "openai_primary_key" {
  description = "Handed to the app as AZURE_OPENAI_API_KEY."
  value       = azurerm_cognitive_account.openai.primary_access_key
  sensitive   = true
}

output "ai_services_endpoint" {
  value = azurerm_ai_services.this.endpoint
}

output "foundry_endpoint" {
  value = azapi_resource.foundry.output.properties.endpoint
}
