// Keys are not switched off: without disableLocalAuth the service default (false) applies, and the
// finding lands on the resource header.

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG201
  name: 'oai-aig201-default'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
}

resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG201
  name: 'ais-aig201-default'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'ais-aig201-default'
    publicNetworkAccess: 'Disabled'
  }
}

// disableLocalAuth outside properties: ARM ignores it and keys stay on.
resource misplaced 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG201
  name: 'oai-aig201-misplaced'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  #disable-next-line BCP037
  disableLocalAuth: true
}
