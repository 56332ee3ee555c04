// Scanned as usual although broken.bicep beside it does not parse.

resource good 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-good'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-good'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
  }
}
