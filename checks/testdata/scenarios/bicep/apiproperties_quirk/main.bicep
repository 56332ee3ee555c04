// Probes a misplaced setting: publicNetworkAccess, disableLocalAuth and networkAcls written under
// properties.apiProperties have no effect (apiProperties is a free-form bag the service passes to the
// API; it reads these settings only directly under properties). The account keeps the service
// defaults, so AIG101 and AIG201 land on its `resource` line. Its key source is right: no AIG301.

resource misplaced 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG101 AIG201
  name: 'oai-apiprops-misplaced'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-apiprops-misplaced'
    apiProperties: {
      publicNetworkAccess: 'Disabled'
      disableLocalAuth: true
      networkAcls: {
        defaultAction: 'Deny'
      }
    }
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: 'https://kv-apiprops-cmk.vault.azure.net/'
        keyName: 'cmk-oai-apiprops'
      }
    }
  }
}

// The same settings where the service reads them, beside a genuine apiProperties member: no finding.
resource placed 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'lang-apiprops-placed'
  location: resourceGroup().location
  kind: 'TextAnalytics'
  sku: {
    name: 'S'
  }
  properties: {
    customSubDomainName: 'lang-apiprops-placed'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
    apiProperties: {
      statisticsEnabled: false
    }
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: 'https://kv-apiprops-cmk.vault.azure.net/'
        keyName: 'cmk-lang-apiprops'
      }
    }
  }
}
