param accountName string

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG101 AIG201
  name: accountName
  location: resourceGroup().location
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    customSubDomainName: accountName
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: 'https://kv-contoso-foundry.vault.azure.net/'
        keyName: 'cmk-foundry'
      }
    }
  }
}
