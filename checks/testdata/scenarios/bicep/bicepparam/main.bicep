// Probes .bicepparam files: main.bicep is evaluated once per parameter file that uses it, and not on
// its own defaults. dev.bicepparam opens the network and brings no key; prod.bicepparam locks both down.
// A finding either evaluation reports is expected once (the expectations are a set). The default of
// disableLocalAuth is insecure, but both files override it: no AIG201, which shows the defaults alone
// are never evaluated. Findings land in main.bicep, on the property that uses the parameter.

@allowed([
  'dev'
  'prod'
])
param stage string

param publicNetworkAccess string
param disableLocalAuth bool = false
param cmkKeyName string = ''
param keyVaultUri string = ''

var useCmk = !empty(cmkKeyName)

// dev: no key, so encryption is null and AIG301 lands on the header; prod: a Key Vault key.
resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-orders-${stage}'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-orders-${stage}'
    publicNetworkAccess: publicNetworkAccess // want AIG101
    disableLocalAuth: disableLocalAuth
    encryption: useCmk ? {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: keyVaultUri
        keyName: cmkKeyName
      }
    } : null
  }
}
