// Nothing limits the network: without publicNetworkAccess and networkAcls the service default
// ("Enabled", no rule) applies, and the finding lands on the resource header.

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG101
  name: 'oai-aig101-default'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
}

// ACLs without a default action deny nothing.
resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG101
  name: 'ais-aig101-default'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'ais-aig101-default'
    networkAcls: {
      ipRules: []
    }
  }
}
