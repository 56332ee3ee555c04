// Probes the absence of false positives: a fully hardened Azure OpenAI account (public access off,
// ACLs that deny, API keys off, a customer-managed key through a user-assigned identity, egress
// restricted) and an AI Services account that reaches the same through its network ACLs only.
// Values computed from other resources (the identity's id and client id, the vault URI) are unknown
// but decide nothing here. No finding.

param location string = resourceGroup().location
param keyVaultName string = 'kv-assistant-cmk-prod'
param keyName string = 'cmk-oai-assistant'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-oai-assistant-prod'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource openai 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-assistant-prod-eus2'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    customSubDomainName: 'oai-assistant-prod-eus2'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      '${keyVaultName}.vault.azure.net'
    ]
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: []
      virtualNetworkRules: []
    }
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: vault.properties.vaultUri
        keyName: keyName
        identityClientId: identity.properties.clientId
      }
    }
  }
}

// Public network access is not written, but the ACLs deny by default: AIG101 passes.
resource aiServices 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'ais-assistant-prod-eus2'
  location: location
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    customSubDomainName: 'ais-assistant-prod-eus2'
    disableLocalAuth: true
    networkAcls: {
      defaultAction: 'Deny'
      ipRules: [
        {
          value: '203.0.113.0/24'
        }
      ]
    }
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: vault.properties.vaultUri
        keyName: keyName
        identityClientId: identity.properties.clientId
      }
    }
  }
}
