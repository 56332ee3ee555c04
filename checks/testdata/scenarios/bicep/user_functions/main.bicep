// Probes user-defined functions and compile-time imports: a local func computes publicNetworkAccess,
// an imported func computes the key switch and the encryption object, and an imported variable (renamed
// with `as`) is merged into properties with union(). A value decided inside a function result lands
// on the property whose expression calls the function; whatever union() decides lands on `properties:`.

import { privateNetwork as baseNetwork, cmkEncryption, keysAllowed } from 'shared.bicep'

param stage string = 'dev'

func accessFor(env string) string => env == 'prod' ? 'Disabled' : 'Enabled'

resource open 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-fn-open-${stage}'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-fn-open-${stage}'
    publicNetworkAccess: accessFor(stage) // want AIG101
    disableLocalAuth: !keysAllowed(stage) // want AIG201
    encryption: cmkEncryption('kv-fn-cmk', 'cmk-oai-open', '00000000-0000-0000-0000-000000000000')
  }
}

// The network comes from the imported variable and passes; keys follow keysAllowed('dev'), so stay on;
// no encryption at all, so AIG301 is on the header.
resource privateOnly 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-fn-private-${stage}'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: union(baseNetwork, { // want AIG201
    customSubDomainName: 'oai-fn-private-${stage}'
    disableLocalAuth: !keysAllowed(stage)
  })
}

// The same calls for prod pass everything.
resource prod 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-fn-prod'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-fn-prod'
    publicNetworkAccess: accessFor('prod')
    disableLocalAuth: !keysAllowed('prod')
    encryption: cmkEncryption('kv-fn-cmk', 'cmk-oai-prod', '00000000-0000-0000-0000-000000000000')
  }
}
