// Probes conditional deployment. A condition known to be false means the resource is not deployed:
// not judged, and a module called under it is not evaluated. A known true condition keeps the
// resource. An unknown condition (a parameter without a value) is judged as if the resource exists,
// and its findings stay certain.

param deployOpenAI bool = false
param deploySpeech bool
param stage string = 'dev'

// deployOpenAI is false: nothing to judge, though nothing is set.
resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = if (deployOpenAI) {
  name: 'oai-cond-openai'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
}

// deploySpeech is unknown: judged, certain.
resource speech 'Microsoft.CognitiveServices/accounts@2025-06-01' = if (deploySpeech) { // want AIG101 AIG201 AIG301
  name: 'spch-cond-speech'
  location: resourceGroup().location
  kind: 'SpeechServices'
  sku: {
    name: 'S0'
  }
}

// stage is 'dev': the prod-only account is not deployed.
resource prodOnly 'Microsoft.CognitiveServices/accounts@2025-06-01' = if (stage == 'prod') {
  name: 'oai-cond-prod'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    publicNetworkAccess: 'Enabled'
  }
}

// A known true condition: judged.
resource nonProd 'Microsoft.CognitiveServices/accounts@2025-06-01' = if (stage != 'prod' && !deployOpenAI) { // want AIG301
  name: 'oai-cond-nonprod'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-cond-nonprod'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
  }
}

// A literal false.
resource never 'Microsoft.CognitiveServices/accounts@2025-06-01' = if (false) {
  name: 'oai-cond-never'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
}

// The module is only called under the false condition: its account is never judged.
module legacy './modules/legacy.bicep' = if (deployOpenAI) {
  name: 'oai-cond-legacy'
  params: {
    name: 'oai-cond-legacy'
  }
}
