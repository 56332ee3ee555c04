// An AVM-style account module: secure defaults that callers may leave in force by passing null.
param name string
param publicNetworkAccess string = 'Disabled'
param disableLocalAuth bool = true
param tags object = {}

resource acct 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  kind: 'OpenAI'
  tags: tags
  properties: {
    publicNetworkAccess: publicNetworkAccess // want AIG101 AIG101
    disableLocalAuth: disableLocalAuth
    encryption: { keySource: 'Microsoft.KeyVault' }
  }
}

output pna string = publicNetworkAccess
