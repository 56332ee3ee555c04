// Probes what is not an account to judge. An `existing` account is only referenced, never deployed
// here: not checked, though it sets nothing. Child resources, nested in the body (with a short or a
// full type) or top-level with `parent:`, are deployments, not accounts. Only the new account is
// judged: network and keys are locked down, no customer-managed key, so AIG301 on its header.

resource shared 'Microsoft.CognitiveServices/accounts@2025-06-01' existing = {
  name: 'oai-shared-hub'
  scope: resourceGroup('rg-ai-shared')
}

resource sharedMini 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' existing = {
  parent: shared
  name: 'gpt-4o-mini'
}

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-children'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-children'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
  }

  resource chat 'deployments@2025-06-01' = {
    name: 'gpt-4o'
    sku: {
      name: 'GlobalStandard'
      capacity: 20
    }
    properties: {
      model: {
        format: 'OpenAI'
        name: 'gpt-4o'
        version: '2024-11-20'
      }
      raiPolicyName: 'Microsoft.DefaultV2'
    }
  }

  resource embeddings 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
    name: 'text-embedding-3-large'
    sku: {
      name: 'Standard'
      capacity: 50
    }
    properties: {
      model: {
        format: 'OpenAI'
        name: 'text-embedding-3-large'
        version: '1'
      }
    }
    dependsOn: [
      chat
    ]
  }
}

resource mini 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
  parent: account
  name: 'gpt-4o-mini'
  sku: {
    name: 'GlobalStandard'
    capacity: 10
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: 'gpt-4o-mini'
      version: '2024-07-18'
    }
  }
  dependsOn: [
    account::embeddings
  ]
}

output sharedEndpoint string = shared.properties.endpoint
output sharedModel string = sharedMini.properties.model.name
