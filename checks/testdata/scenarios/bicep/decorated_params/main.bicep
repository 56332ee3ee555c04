// Probes decorators: they constrain or describe a parameter but do not change its value. The default
// of an @allowed parameter decides like any other value, so AIG101 lands on the property that uses it.
// A @secure() parameter without a value is unknown: what it decides is uncertain. A decorator above a
// resource is not its declaration line: header findings land on the `resource` line.

@description('Name prefix for every resource of the workload.')
@minLength(3)
@maxLength(12)
param prefix string = 'care'

@sys.description('Whether the accounts are reachable from public networks.')
@allowed([
  'Enabled'
  'Disabled'
])
param publicAccess string = 'Enabled'

@description('Turn API keys off: callers use Microsoft Entra ID.')
param disableKeys bool = true

@secure()
@description('Settings handed over by the release pipeline.')
param pipelineSettings object

@secure()
param cmkIdentityClientId string

@minValue(1)
@maxValue(1000)
@metadata({
  owner: 'ai-platform'
})
param chatCapacity int = 50

@description('''
The chat account of the workload.
Its network setting comes from an @allowed parameter.
''')
resource chat 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-${prefix}-chat'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-${prefix}-chat'
    publicNetworkAccess: publicAccess // want AIG101
    disableLocalAuth: disableKeys
  }
}

@description('The batch account: its key setting comes from a @secure() object with no value.')
resource batch 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-${prefix}-batch'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-${prefix}-batch'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: pipelineSettings.disableLocalAuth // want AIG201?
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: 'https://kv-care-cmk.vault.azure.net/'
        keyName: 'cmk-oai-${prefix}'
        identityClientId: cmkIdentityClientId
      }
    }
  }
}

resource chatModel 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
  parent: chat
  name: 'gpt-4o-mini'
  sku: {
    name: 'GlobalStandard'
    capacity: chatCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: 'gpt-4o-mini'
      version: '2024-07-18'
    }
  }
}
