// No customer-managed key: without encryption, or with no key source in it, Microsoft-managed keys
// apply and the finding lands on the resource header.

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-aig301-default'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
}

resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'ais-aig301-default'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'ais-aig301-default'
    encryption: {}
  }
}
