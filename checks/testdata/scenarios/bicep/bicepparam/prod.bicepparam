using './main.bicep'

var vaultName = 'kv-orders-prod'

param stage = 'prod'
param publicNetworkAccess = 'Disabled'
param disableLocalAuth = true
param cmkKeyName = 'cmk-oai-orders'
param keyVaultUri = 'https://${vaultName}.vault.azure.net/'
