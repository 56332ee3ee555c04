// The key in the customer's Key Vault. Values known only at deployment (the vault URI, the identity's
// client id) decide nothing here. No finding.

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-aig301-cmk'
  location: 'swedencentral'
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-aig301'
}

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-aig301-secure'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: vault.properties.vaultUri
        keyName: 'cmk-aig301'
        identityClientId: identity.properties.clientId
      }
    }
  }
}

// ARM compares the key source without regard to case.
resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'ais-aig301-secure'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    encryption: {
      keySource: 'microsoft.keyvault'
      keyVaultProperties: {
        keyVaultUri: 'https://kv-aig301.vault.azure.net/'
        keyName: 'cmk-aig301'
      }
    }
  }
}
