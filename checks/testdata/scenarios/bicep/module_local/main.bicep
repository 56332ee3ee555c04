// Probes local modules. One module is called three ways: twice with different parameters and once in
// a loop. modules/ai.bicep is evaluated only through these calls (never on its own defaults), so every
// finding lands on the module's lines; the same line may be reported certain by one call and uncertain
// by another, and then it holds both expectations.
//   chat:       everything passed secure, no key        -> AIG301 (module header)
//   assistants: module defaults for network and keys    -> AIG101, AIG201; its key passes AIG301
//   regional:   keys from disableKeysInRegions, unknown -> AIG201?, AIG301 (module header)

@description('Set by the release pipeline.')
param disableKeysInRegions bool

var regions = [
  'swedencentral'
  'francecentral'
]

module chat './modules/ai.bicep' = {
  name: 'oai-care-chat'
  params: {
    name: 'oai-care-chat'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
  }
}

module assistants './modules/ai.bicep' = {
  name: 'oai-care-assistants'
  params: {
    name: 'oai-care-assistants'
    cmk: {
      keyVaultUri: 'https://kv-care-cmk.vault.azure.net/'
      keyName: 'cmk-oai-care-assistants'
    }
  }
}

module regional './modules/ai.bicep' = [for region in regions: {
  name: 'oai-care-${region}'
  params: {
    name: 'oai-care-${region}'
    location: region
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: disableKeysInRegions
  }
}]

output chatEndpoint string = chat.outputs.endpoint
output regionalEndpoints array = [for (region, i) in regions: regional[i].outputs.endpoint]
