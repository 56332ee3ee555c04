// Probes unknown inputs: parameters with no default and no .bicepparam are unknown before deployment,
// so a finding they decide is uncertain (AIG101?, AIG201?, AIG301?). A parameter that decides nothing
// (the stage in a name) makes nothing uncertain, and an unknown that cannot change the outcome (public
// access behind a Deny ACL) yields no finding. AIG101 lands on the first deciding value written.

param stage string
param publicAccess string
param allowApiKeys bool
param keyVaultUri string
param aclDefaultAction string

resource triage 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-triage-${stage}'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-triage-${stage}'
    publicNetworkAccess: publicAccess // want AIG101?
    disableLocalAuth: !allowApiKeys // want AIG201?
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyVaultUri: keyVaultUri
        keyName: 'cmk-oai-triage'
      }
    }
  }
}

// Public access is unknown, but the ACLs deny by default: AIG101 passes whatever it is.
resource classifier 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'lang-triage-classifier'
  location: resourceGroup().location
  kind: 'TextAnalytics'
  sku: {
    name: 'S'
  }
  properties: {
    customSubDomainName: 'lang-triage-classifier'
    publicNetworkAccess: publicAccess
    disableLocalAuth: true
    networkAcls: {
      defaultAction: 'Deny'
    }
  }
}

// Public access written as on, the ACL action unknown: the finding lands on publicNetworkAccess, the
// first deciding value written, and is uncertain because a Deny ACL would pass.
resource exports 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-triage-exports'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-triage-exports'
    publicNetworkAccess: 'Enabled' // want AIG101?
    disableLocalAuth: true
    networkAcls: {
      defaultAction: aclDefaultAction
    }
  }
}

// Public access not written, the ACL action unknown: the finding lands on defaultAction.
resource summaries 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-triage-summaries'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-triage-summaries'
    disableLocalAuth: true
    networkAcls: {
      defaultAction: aclDefaultAction // want AIG101?
    }
  }
}

// A ternary whose condition is unknown leaves the key source unknown.
resource reports 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai-triage-reports'
  location: resourceGroup().location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-triage-reports'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
    encryption: {
      keySource: empty(keyVaultUri) ? 'Microsoft.CognitiveServices' : 'Microsoft.KeyVault' // want AIG301?
      keyVaultProperties: {
        keyVaultUri: keyVaultUri
        keyName: 'cmk-oai-reports'
      }
    }
  }
}
