// Probes a declaration error: a parameter declared twice is an error on the second declaration (Bicep
// rejects the file). The duplicate decides nothing; the rest of the file is still evaluated and its
// account judged: public access off from its parameter, keys and key source absent.

param location string = 'westeurope'
param publicAccess string = 'Disabled'
param location string = 'northeurope' // want error

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG201 AIG301
  name: 'oai-duplicate'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-duplicate'
    publicNetworkAccess: publicAccess
  }
}
