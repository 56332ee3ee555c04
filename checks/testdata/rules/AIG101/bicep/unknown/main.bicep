// Parameters without a default or a parameter file are only known at deployment. A finding that rests on
// them is of unknown confidence; an unknown that cannot change the outcome (public access behind a Deny
// ACL) makes no finding.

param publicAccess string
param aclDefaultAction string

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-aig101-unknown'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    publicNetworkAccess: publicAccess // want AIG101?
  }
}

// Public access at its default, the ACL action unknown: the finding lands on the ACL.
resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'ais-aig101-unknown'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    networkAcls: {
      defaultAction: aclDefaultAction // want AIG101?
    }
  }
}

resource allowlisted 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-aig101-allowlisted'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    publicNetworkAccess: publicAccess
    networkAcls: {
      defaultAction: 'Deny'
    }
  }
}
