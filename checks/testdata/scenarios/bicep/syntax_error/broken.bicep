// Probes syntax errors: a missing colon inside a resource. The error is reported on the line where
// it starts, the account it cuts short is not judged, and good.bicep beside it is still scanned.

resource broken 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-broken'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-broken'
    publicNetworkAccess 'Enabled' // want error
    disableLocalAuth: false
  }
}
