// Probes string interpolation: names, subdomains, a key source and publicNetworkAccess built from
// pieces are evaluated, and an interpolated key looks up a map. A piece that is unknown makes the whole
// string unknown, so what it decides is uncertain; an unknown piece in a name decides nothing.

param prefix string = 'contoso'
param stage string = 'dev'
param location string = 'swedencentral'
param failoverRegion string

var networkMode = stage == 'prod' ? 'Disable' : 'Enable'
var keyProvider = 'KeyVault'
var accessByRegion = {
  'dev-swedencentral': 'Enabled'
  'dev-norwayeast': 'Disabled'
  'prod-swedencentral': 'Disabled'
  'prod-norwayeast': 'Disabled'
}

// 'Enable' + 'd' is 'Enabled'; 'Microsoft.' + 'KeyVault' is a customer-managed key.
resource chat 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: '${prefix}-oai'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  tags: {
    note: 'it\'s ${prefix}\'s chat, not \${literal}'
  }
  properties: {
    customSubDomainName: '${prefix}-oai-${stage}-${uniqueString(resourceGroup().id)}'
    publicNetworkAccess: '${networkMode}d' // want AIG101
    disableLocalAuth: true
    encryption: {
      keySource: 'Microsoft.${keyProvider}'
      keyVaultProperties: {
        keyVaultUri: 'https://kv-${prefix}-${stage}.vault.azure.net/'
        keyName: '${prefix}-cmk'
      }
    }
  }
}

// The map key 'dev-swedencentral' is built by interpolation and finds 'Enabled'.
resource primary 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: '${prefix}-oai-${location}'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: '${prefix}-oai-${location}'
    publicNetworkAccess: accessByRegion['${stage}-${location}'] // want AIG101
    disableLocalAuth: true
  }
}

// failoverRegion has no value: the name is unknown (no matter), the map key and so the access are unknown.
resource failover 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: '${prefix}-oai-${failoverRegion}'
  location: failoverRegion
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: '${prefix}-oai-${failoverRegion}'
    publicNetworkAccess: accessByRegion['${stage}-${failoverRegion}'] // want AIG101?
    disableLocalAuth: true
  }
}
