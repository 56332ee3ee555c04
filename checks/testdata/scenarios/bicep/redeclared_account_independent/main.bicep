// Probes one account declared twice where neither declaration waits for the other: the module gets the
// account's name from a parameter, not from the account, and has no dependsOn. ARM may deploy them in
// either order, so each is judged as written: this one is open, keeps API keys and has no
// customer-managed key; the module's is encrypted but open and keeps API keys.

param accountName string = 'foundry-contoso-twice'

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG101 AIG201 AIG301
  name: accountName
  location: resourceGroup().location
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    customSubDomainName: accountName
  }
}

module encryption 'modules/cmk.bicep' = {
  name: 'encryption'
  params: {
    accountName: accountName
  }
}
