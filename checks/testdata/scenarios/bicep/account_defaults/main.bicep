// Probes the Bicep header rule: nothing security-related is written, so every decision falls to the
// service defaults (public network on, API keys on, Microsoft-managed keys) and each finding lands on
// the line of the `resource` keyword. Written insecure values move the findings to their own lines.
// A deployment is a child resource, not an account: no account rule applies to it.

param location string = resourceGroup().location

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG101 AIG201 AIG301
  name: 'oai-chatbot-dev-swc'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  tags: {
    environment: 'dev'
    owner: 'platform-team'
  }
}

resource aiServices 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // want AIG101 AIG201 AIG301
  name: 'ais-chatbot-dev-swc'
  location: location
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    customSubDomainName: 'ais-chatbot-dev-swc'
    // An empty encryption object sets no key source: the finding stays on the header.
    encryption: {}
  }
}

// The same insecure values, written out: the findings move to the lines that decide them.
resource explicit 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-chatbot-explicit-swc'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-chatbot-explicit-swc'
    publicNetworkAccess: 'Enabled' // want AIG101
    disableLocalAuth: false // want AIG201
    encryption: {
      keySource: 'Microsoft.CognitiveServices' // want AIG301
    }
  }
}

// Another kind, network and keys locked down: only the missing customer-managed key is reported.
resource contentSafety 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'cs-chatbot-dev-swc'
  location: location
  kind: 'ContentSafety'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'cs-chatbot-dev-swc'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
  }
}

resource gpt4o 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
  parent: openai
  name: 'gpt-4o'
  sku: {
    name: 'GlobalStandard'
    capacity: 10
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: 'gpt-4o'
      version: '2024-11-20'
    }
  }
}

output endpoint string = openai.properties.endpoint
