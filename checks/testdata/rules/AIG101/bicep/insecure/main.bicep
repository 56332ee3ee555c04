// Open to any network in so many words. The finding lands on the first deciding value written: public
// access, else the ACL's default action.

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-aig101-insecure'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    publicNetworkAccess: 'Enabled' // want AIG101
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'ais-aig101-insecure'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'ais-aig101-insecure'
    networkAcls: {
      defaultAction: 'Allow' // want AIG101
      ipRules: [
        {
          value: '198.51.100.10'
        }
      ]
    }
  }
}
