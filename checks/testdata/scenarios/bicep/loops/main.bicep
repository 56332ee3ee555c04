// Probes resource loops. A loop over a known list makes one account per element, and the same finding
// from several elements on one line is one expectation. A ternary on the index decides per element. A
// filter (`if` in the loop) drops elements before they are judged. range() and items() give known
// lists too. A loop over an unknown array runs once with an unknown item: what the item decides is
// uncertain, what it does not decide stays certain.

param location string = resourceGroup().location
param replicaCount int = 2
param extraRegions array

var accounts = [
  {
    name: 'chat'
    keysOff: true
  }
  {
    name: 'batch'
    keysOff: true
  }
  {
    name: 'legacy'
    keysOff: false
  }
]

// Element 0 is private, 1 and 2 are public; only 'legacy' keeps its keys; none has a key of its own.
@batchSize(1)
resource tiered 'Microsoft.CognitiveServices/accounts@2025-06-01' = [for (acct, i) in accounts: { // want AIG301 AIG301 AIG301
  name: 'oai-loop-${acct.name}'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-loop-${acct.name}'
    publicNetworkAccess: i == 0 ? 'Disabled' : 'Enabled' // want AIG101 AIG101
    disableLocalAuth: acct.keysOff // want AIG201
  }
}]

var workloads = [
  {
    name: 'speech'
    deploy: false
    cmk: false
  }
  {
    name: 'vision'
    deploy: true
    cmk: true
  }
]

// Only 'vision' is deployed, and it has a customer-managed key. 'speech' would fail AIG301 on the
// keySource line of the second branch, but the filter drops it: no finding at all.
resource filtered 'Microsoft.CognitiveServices/accounts@2025-06-01' = [for w in workloads: if (w.deploy) {
  name: 'ais-loop-${w.name}'
  location: location
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'ais-loop-${w.name}'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
    encryption: w.cmk ? {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: 'https://kv-loop-cmk.vault.azure.net/'
        keyName: 'cmk-${w.name}'
      }
    } : {
      keySource: 'Microsoft.CognitiveServices'
    }
  }
}]

// range(1, 2) is [1, 2]: two replicas, both with keys on and no key of their own.
resource replicas 'Microsoft.CognitiveServices/accounts@2025-06-01' = [for n in range(1, replicaCount): { // want AIG201 AIG201 AIG301 AIG301
  name: 'oai-loop-replica-${n}'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-loop-replica-${n}'
    publicNetworkAccess: 'Disabled'
  }
}]

var regionAccess = {
  swedencentral: 'Disabled'
  eastus2: 'Enabled'
}

// items() turns the object into a list of key/value pairs: eastus2 is public.
resource byRegion 'Microsoft.CognitiveServices/accounts@2025-06-01' = [for entry in items(regionAccess): { // want AIG301 AIG301
  name: 'oai-loop-${entry.key}'
  location: entry.key
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-loop-${entry.key}'
    publicNetworkAccess: entry.value // want AIG101
    disableLocalAuth: true
  }
}]

// extraRegions has no value: one evaluation with an unknown item.
resource regional 'Microsoft.CognitiveServices/accounts@2025-06-01' = [for region in extraRegions: { // want AIG301
  name: 'oai-loop-${region.name}'
  location: region.location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-loop-${region.name}'
    publicNetworkAccess: region.publicAccess // want AIG101?
    disableLocalAuth: true
  }
}]
