// The same Azure OpenAI setup as ../insecure, made secure: no public network access (clients come
// through a private endpoint and a private DNS zone), network ACLs that deny by default, API keys off
// (Microsoft Entra ID only), egress restricted to the key vault, and a customer-managed key in a
// purge-protected Key Vault, used through a user-assigned identity. Logs go to Log Analytics.

@description('Short name of the workload, used in every resource name.')
@minLength(3)
@maxLength(16)
param prefix string = 'contoso-chat'

@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string = 'prod'

param location string = resourceGroup().location

param vnetAddressPrefix string = '10.40.0.0/16'

param privateEndpointSubnetPrefix string = '10.40.1.0/24'

param tags object = {
  workload: prefix
  environment: environmentName
}

// Key Vault Crypto Service Encryption User: lets the identity wrap and unwrap with the vault's keys.
var cryptoServiceEncryptionUser = 'e147488a-f6f5-4113-8e2d-b22465e65bf6'

var keyVaultName = take('kv-${prefix}-${uniqueString(resourceGroup().id)}', 24)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${prefix}-${environmentName}'
  location: location
  tags: tags
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'premium'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'cmk-openai'
  properties: {
    kty: 'RSA-HSM'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
  }
}

resource cryptoUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, cryptoServiceEncryptionUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cryptoServiceEncryptionUser)
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-${prefix}-${environmentName}'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        vnetAddressPrefix
      ]
    }
  }
}

resource privateEndpointSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'snet-private-endpoints'
  properties: {
    addressPrefix: privateEndpointSubnetPrefix
    privateEndpointNetworkPolicies: 'Enabled'
  }
}

resource openaiDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.openai.azure.com'
  location: 'global'
  tags: tags
}

resource openaiDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: openaiDnsZone
  name: 'link-${vnet.name}'
  location: 'global'
  properties: {
    virtualNetwork: {
      id: vnet.id
    }
    registrationEnabled: false
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${prefix}-${environmentName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

module openai 'modules/openai.bicep' = {
  name: 'openai-${environmentName}'
  params: {
    name: 'oai-${prefix}-${environmentName}'
    location: location
    tags: tags
    identityId: identity.id
    identityClientId: identity.properties.clientId
    keyVaultUri: vault.properties.vaultUri
    keyName: key.name
    allowedFqdnList: [
      '${keyVaultName}${environment().suffixes.keyvaultDns}'
    ]
    subnetId: privateEndpointSubnet.id
    privateDnsZoneId: openaiDnsZone.id
    logAnalyticsWorkspaceId: logs.id
  }
  dependsOn: [
    cryptoUser
  ]
}

output endpoint string = openai.outputs.endpoint
output accountName string = openai.outputs.name
