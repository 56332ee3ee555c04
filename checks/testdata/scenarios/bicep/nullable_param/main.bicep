// Probes nullable parameters: a `string?` (or `bool?`, or nullable typed object) parameter without a
// value is null, not unknown. A property set to null is absent, so the finding is certain and lands
// on the `resource` line. `??` gives a null parameter a fallback, which then decides on its own line.

type networkRuleSet = {
  defaultAction: 'Allow' | 'Deny'
  ipRules: {
    value: string
  }[]?
}

param publicAccess string?
param disableKeys bool?
param networkRules networkRuleSet?
param cmkKeyName string?

// Every deciding value is a null parameter: all three findings on the header.
resource direct 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG101 AIG201 AIG301
  name: 'oai-nullable-direct'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-nullable-direct'
    publicNetworkAccess: publicAccess
    disableLocalAuth: disableKeys
    networkAcls: networkRules
    encryption: cmkKeyName == null ? null : {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: 'https://kv-nullable-cmk.vault.azure.net/'
        keyName: cmkKeyName!
      }
    }
  }
}

// The fallbacks decide: an insecure one on its line, a secure one passes. A comparison with null is
// known, so the key source is known too.
resource fallback 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-nullable-fallback'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-nullable-fallback'
    publicNetworkAccess: publicAccess ?? 'Enabled' // want AIG101
    disableLocalAuth: disableKeys ?? true
    encryption: {
      keySource: cmkKeyName != null ? 'Microsoft.KeyVault' : 'Microsoft.CognitiveServices' // want AIG301
    }
  }
}

// A literal null is absent as well.
resource literalNull 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG101 AIG301
  name: 'oai-nullable-literal'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-nullable-literal'
    publicNetworkAccess: null
    disableLocalAuth: true
    encryption: null
  }
}
