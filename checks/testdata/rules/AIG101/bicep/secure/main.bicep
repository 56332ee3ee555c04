// Public access off, or network ACLs that deny by default: either keeps the account off the internet.
// No finding.

resource private 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-aig101-private'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

// Public access at its default, but the ACL denies everything it does not list.
resource allowlisted 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'ais-aig101-allowlisted'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'ais-aig101-allowlisted'
    networkAcls: {
      defaultAction: 'Deny'
      ipRules: [
        {
          value: '203.0.113.0/24'
        }
      ]
    }
  }
}

// ARM compares these values without regard to case.
resource lowercase 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-aig101-lowercase'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    publicNetworkAccess: 'disabled'
  }
}
