// An Azure OpenAI account whose security settings are inputs. Its defaults are insecure on purpose.

param name string
param location string = resourceGroup().location
param publicNetworkAccess string = 'Enabled'
param disableLocalAuth bool = false
param cmk cmkSettings?

type cmkSettings = {
  keyVaultUri: string
  keyName: string
}

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301 AIG301 AIG301
  name: name
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    publicNetworkAccess: publicNetworkAccess // want AIG101
    disableLocalAuth: disableLocalAuth // want AIG201 AIG201? AIG201?
    encryption: cmk == null ? null : {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: cmk!
    }
  }
}

output endpoint string = account.properties.endpoint
