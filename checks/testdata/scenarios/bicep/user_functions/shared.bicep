// Exported settings that main.bicep imports. This file declares no resource: scanned on its own it
// finds nothing.

@export()
@description('Network settings every private AI account starts from.')
var privateNetwork = {
  publicNetworkAccess: 'Disabled'
  networkAcls: {
    defaultAction: 'Deny'
    ipRules: []
  }
}

@export()
@description('Customer-managed key settings for an AI account.')
func cmkEncryption(vaultName string, keyName string, clientId string) object => {
  keySource: 'Microsoft.KeyVault'
  keyVaultProperties: {
    keyVaultUri: 'https://${vaultName}.vault.azure.net/'
    keyName: keyName
    identityClientId: clientId
  }
}

@export()
func keysAllowed(stage string) bool => stage == 'dev'
