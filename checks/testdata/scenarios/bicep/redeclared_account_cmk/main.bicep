// Probes one account declared twice, the way Microsoft's Foundry customer-managed-key sample does it:
// the account is created first, with a system-assigned identity and no encryption, because the key
// vault can only grant that identity access once it exists; modules/cmk.bicep then deploys the same
// account again with the key. The module reads the account's name and principal ID, so ARM deploys it
// after the account, and its full PUT is what the account ends as: encrypted with the customer's key
// (no AIG301 here or there), still open to the internet and to API keys (AIG101 and AIG201, on the
// module's declaration, which decides them). Nothing is reported on this file.

@description('Key Vault holding the customer-managed key; it must have purge protection on.')
param keyVaultName string = 'kv-contoso-foundry'

@description('Key in that vault that encrypts the account.')
param keyName string = 'cmk-foundry'

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'foundry-contoso-cmk'
  location: resourceGroup().location
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    allowProjectManagement: true
    customSubDomainName: 'foundry-contoso-cmk'
  }
}

resource project 'Microsoft.CognitiveServices/accounts/projects@2025-06-01' = {
  parent: account
  name: 'contoso-research'
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    displayName: 'Contoso research'
  }
}

module encryption 'modules/cmk.bicep' = {
  name: 'encryption'
  params: {
    accountName: account.name
    principalId: account.identity.principalId
    keyVaultName: keyVaultName
    keyName: keyName
  }
}

output accountId string = account.id
