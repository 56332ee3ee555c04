// Whether the key is the customer's depends on parameters without a default or a parameter file: the
// findings are of unknown confidence and land on the value that decides them.

param keySource string
param keyVaultUri string

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-aig301-unknown'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    encryption: {
      keySource: keySource // want AIG301?
    }
  }
}

resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'ais-aig301-unknown'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    encryption: {
      keySource: empty(keyVaultUri) ? 'Microsoft.CognitiveServices' : 'Microsoft.KeyVault' // want AIG301?
      keyVaultProperties: {
        keyVaultUri: keyVaultUri
        keyName: 'cmk-aig301'
      }
    }
  }
}
