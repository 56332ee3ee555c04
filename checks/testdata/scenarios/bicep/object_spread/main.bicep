// Probes the spread operator. `...base` copies a variable's members into an object literal; a member
// written after the spread overrides the copied one, and a finding it decides lands on that inline
// line. The bases here provide only secure values or values that are overridden, so no finding rests
// on a spread-provided value: absent members still land on the `resource` line.

var baseProperties = {
  publicNetworkAccess: 'Disabled'
  disableLocalAuth: true
  restrictOutboundNetworkAccess: true
}

var legacyDefaults = {
  publicNetworkAccess: 'Enabled'
  disableLocalAuth: false
}

var cmkBase = {
  keyVaultProperties: {
    keyVaultUri: 'https://kv-spread-cmk.vault.azure.net/'
    keyName: 'cmk-oai-spread'
  }
}

var defaultFqdns = [
  'kv-spread-cmk.vault.azure.net'
]

// The base alone: it passes AIG101 and AIG201; there is no encryption.
resource spreadOnly 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-spread-only'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    ...baseProperties
    customSubDomainName: 'oai-spread-only'
    allowedFqdnList: [
      ...defaultFqdns
      'oai-spread-only.openai.azure.com'
    ]
  }
}

// Public access overridden after the spread: the finding lands on the override.
resource overridden 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-spread-overridden'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    ...baseProperties
    customSubDomainName: 'oai-spread-overridden'
    publicNetworkAccess: 'Enabled' // want AIG101
  }
}

// Insecure legacy values overridden by secure ones, and a spread under encryption whose key source is
// written inline: no finding.
resource fixedUp 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-spread-fixedup'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    ...legacyDefaults
    customSubDomainName: 'oai-spread-fixedup'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
    encryption: {
      ...cmkBase
      keySource: 'Microsoft.KeyVault'
    }
  }
}
