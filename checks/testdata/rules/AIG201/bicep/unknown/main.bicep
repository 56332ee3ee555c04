// Whether keys are on is only known at deployment: a parameter without a default or a parameter file,
// and a value read from another resource. The findings are of unknown confidence.

param allowApiKeys bool
param stage string

resource settings 'Microsoft.AppConfiguration/configurationStores@2024-05-01' existing = {
  name: 'appcs-platform'
}

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-aig201-unknown'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    disableLocalAuth: !allowApiKeys // want AIG201?
  }
}

resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'ais-aig201-unknown'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    disableLocalAuth: settings.properties.disableLocalAuth // want AIG201?
  }
}

// An unknown value that decides nothing (the stage in the name) leaves a certain finding certain.
resource named 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG201
  name: 'oai-aig201-${stage}'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
}
