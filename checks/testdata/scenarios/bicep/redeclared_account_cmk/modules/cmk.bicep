// Grants the account's identity the Key Vault Crypto Service Encryption User role on the vault, then
// deploys the account again, as it was, with encryption by the customer's key.

param accountName string
param principalId string
param keyVaultName string
param keyName string

var cryptoServiceEncryptionUser = 'e147488a-f6f5-4113-8e2d-b22465e65bf6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource cryptoUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, cryptoServiceEncryptionUser)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cryptoServiceEncryptionUser)
  }
}

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
    allowProjectManagement: true
    customSubDomainName: accountName
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: vault.properties.vaultUri
        keyName: keyName
      }
    }
  }
  dependsOn: [
    cryptoUser
  ]
}
