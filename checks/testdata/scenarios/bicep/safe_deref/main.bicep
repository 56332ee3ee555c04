// Probes safe dereference (`.?`, `[?i]`) and coalescing (`??`) over configuration objects: a missing
// member is null rather than an error, and the fallback after `??` decides, on the property's line.
// A member that is null to the end makes the property absent (header). Over an object with no value,
// the result is unknown, fallback or not.

param config object = {
  network: {
    publicAccess: 'Enabled'
  }
}
param teamConfig object = {}
param pipelineConfig object

var accessLevels = [
  'Disabled'
]

// network.publicAccess exists and is 'Enabled'; auth is missing, so the secure fallback applies;
// config has no encryption member, so encryption is null.
resource open 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-deref-open'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-deref-open'
    publicNetworkAccess: config.?network.?publicAccess ?? 'Disabled' // want AIG101
    disableLocalAuth: config.?auth.?disableKeys ?? true
    encryption: config.?encryption
  }
}

// teamConfig is empty: every member is missing, so each fallback decides.
resource team 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-deref-team'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-deref-team'
    publicNetworkAccess: teamConfig.?network.?publicAccess ?? 'Disabled'
    disableLocalAuth: teamConfig.?auth.?disableKeys ?? false // want AIG201
    networkAcls: teamConfig.?network.?acls
  }
}

// accessLevels has no element 1; pipelineConfig is unknown, so its fallback cannot be relied on.
resource pipeline 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-deref-pipeline'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-deref-pipeline'
    publicNetworkAccess: accessLevels[?1] ?? 'Enabled' // want AIG101
    disableLocalAuth: pipelineConfig.?auth.?disableKeys ?? true // want AIG201?
    encryption: {
      keySource: config.?cmk.?keySource ?? 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: 'https://kv-deref-cmk.vault.azure.net/'
        keyName: 'cmk-oai-pipeline'
      }
    }
  }
}
