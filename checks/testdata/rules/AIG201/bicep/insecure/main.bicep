// Keys switched on in so many words: the finding lands on the line that says so.

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-aig201-insecure'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    disableLocalAuth: false // want AIG201
  }
}

// A parameter whose default turns keys on: the finding lands where the value is used.
param disableLocalAuth bool = false

resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'ais-aig201-insecure'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    disableLocalAuth: disableLocalAuth // want AIG201
  }
}
