// Called from main.bicep only under a false condition, and never evaluated on its own: no finding,
// although the account sets nothing.

param name string

resource legacy 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: name
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
}
