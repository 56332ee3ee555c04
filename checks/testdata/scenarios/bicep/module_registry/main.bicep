// Probes registry modules: they are never downloaded, so each is skipped with a warning on its
// `module` line and produces no finding, whatever it is passed. The outputs of a skipped module are
// unknown. The local accounts in this file are still scanned.

module openai 'br/public:avm/res/cognitive-services/account:0.10.2' = { // want warning
  name: 'oai-voicebot'
  params: {
    name: 'oai-voicebot-prod'
    kind: 'OpenAI'
    customSubDomainName: 'oai-voicebot-prod'
    disableLocalAuth: false
    publicNetworkAccess: 'Enabled'
  }
}

module network 'br:crcontosoplatform.azurecr.io/bicep/modules/hub-spoke:v3.2.1' = { // want warning
  name: 'vnet-voicebot'
  params: {
    name: 'vnet-voicebot-prod'
    location: resourceGroup().location
  }
}

// The ACL denies by default; a subnet from the skipped module is unknown and decides nothing.
resource speech 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG201 AIG301
  name: 'spch-voicebot-prod'
  location: resourceGroup().location
  kind: 'SpeechServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'spch-voicebot-prod'
    networkAcls: {
      defaultAction: 'Deny'
      virtualNetworkRules: [
        {
          id: network.outputs.aiSubnetId
        }
      ]
    }
  }
}

// Public access comes from the skipped module's output: unknown.
resource language 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'lang-voicebot-prod'
  location: resourceGroup().location
  kind: 'TextAnalytics'
  sku: {
    name: 'S'
  }
  properties: {
    customSubDomainName: 'lang-voicebot-prod'
    disableLocalAuth: true
    publicNetworkAccess: network.outputs.publicAiAccess // want AIG101?
  }
}
