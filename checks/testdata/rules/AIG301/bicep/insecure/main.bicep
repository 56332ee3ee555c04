// The Microsoft-managed key source written out: the finding lands on the line that says so.

param keySource string = 'Microsoft.CognitiveServices'

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-aig301-insecure'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    encryption: {
      keySource: 'Microsoft.CognitiveServices' // want AIG301
    }
  }
}

resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'ais-aig301-insecure'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    encryption: {
      keySource: keySource // want AIG301
    }
  }
}
