// Probes lambda functions over a configuration array. filter() decides which accounts exist: the only
// public workload is disabled, so no AIG101 anywhere; if the filter were ignored, 'speech' would fail
// AIG101 on the publicNetworkAccess line of `accounts`. map() (with an index) shapes whole property
// objects, so what they decide lands on `properties:`. reduce() folds the list into one switch, and a
// condition computed with filter() and length() is false, so that account is not judged.

var workloads = [
  {
    name: 'chat'
    kind: 'OpenAI'
    enabled: true
    public: false
    keys: false
  }
  {
    name: 'speech'
    kind: 'SpeechServices'
    enabled: false
    public: true
    keys: true
  }
  {
    name: 'vision'
    kind: 'ComputerVision'
    enabled: true
    public: false
    keys: true
  }
]

var enabledWorkloads = filter(workloads, w => w.enabled)

// chat and vision; vision keeps its keys.
resource accounts 'Microsoft.CognitiveServices/accounts@2025-06-01' = [for w in enabledWorkloads: { // want AIG301 AIG301
  name: 'ai-lambda-${w.name}'
  location: resourceGroup().location
  kind: w.kind
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'ai-lambda-${w.name}'
    publicNetworkAccess: w.public ? 'Enabled' : 'Disabled'
    disableLocalAuth: !w.keys // want AIG201
  }
}]

var accountSettings = map(enabledWorkloads, (w, i) => {
  name: 'ai-lambda-mapped-${i}'
  kind: w.kind
  properties: {
    customSubDomainName: 'ai-lambda-mapped-${i}'
    publicNetworkAccess: w.public ? 'Enabled' : 'Disabled'
    disableLocalAuth: w.name == 'chat'
    networkAcls: {
      defaultAction: 'Deny'
    }
  }
})

// The mapped 'vision' entry (index 1) has disableLocalAuth false, decided inside the map result.
resource mapped 'Microsoft.CognitiveServices/accounts@2025-06-01' = [for s in accountSettings: { // want AIG301 AIG301
  name: s.name
  location: resourceGroup().location
  kind: s.kind
  sku: {
    name: 'S0'
  }
  properties: s.properties // want AIG201
}]

// true only if no enabled workload keeps keys: vision does, so false.
resource gateway 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'ai-lambda-gateway'
  location: resourceGroup().location
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'ai-lambda-gateway'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: reduce(enabledWorkloads, true, (all, w) => all && !w.keys) // want AIG201
  }
}

// No workload is both public and enabled: length(...) > 0 is false, the demo account is not deployed.
resource publicDemo 'Microsoft.CognitiveServices/accounts@2025-06-01' = if (length(filter(workloads, w => w.public && w.enabled)) > 0) {
  name: 'ai-lambda-public-demo'
  location: resourceGroup().location
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
}
