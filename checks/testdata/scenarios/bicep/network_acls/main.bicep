// Probes the second way to pass AIG101: public network access off OR network ACLs that deny by
// default. When both are written and open, the finding lands on publicNetworkAccess; when only the
// ACL is written, on its defaultAction; when the ACL has no defaultAction, on the `resource` line.
// Every account has keys off and no customer-managed key: AIG301 on each header.

// Public access on, but the ACLs deny everything not listed: passes.
resource allowlisted 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-docintel-allowlisted'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-docintel-allowlisted'
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: true
    networkAcls: {
      defaultAction: 'Deny'
      ipRules: [
        {
          value: '198.51.100.10'
        }
        {
          value: '198.51.100.0/28'
        }
      ]
    }
  }
}

// Public access not written, the ACL allows by default: the finding lands on defaultAction.
resource allowAcl 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-docintel-allowacl'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-docintel-allowacl'
    disableLocalAuth: true
    networkAcls: {
      defaultAction: 'Allow' // want AIG101
      ipRules: [
        {
          value: '198.51.100.10'
        }
      ]
    }
  }
}

// Both written and both open: the finding lands on publicNetworkAccess.
resource bothOpen 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-docintel-bothopen'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-docintel-bothopen'
    publicNetworkAccess: 'Enabled' // want AIG101
    disableLocalAuth: true
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

// Public access off: an Allow ACL no longer matters.
resource publicOff 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-docintel-private'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-docintel-private'
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

// Only a Deny ACL with a subnet rule, public access at its default: passes.
resource denyOnly 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG301
  name: 'oai-docintel-denyonly'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-docintel-denyonly'
    disableLocalAuth: true
    networkAcls: {
      defaultAction: 'Deny'
      virtualNetworkRules: [
        {
          id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-apps'
          ignoreMissingVnetServiceEndpoint: false
        }
      ]
    }
  }
}

// An ACL with rules but no defaultAction decides nothing: with public access absent too, the finding
// lands on the header.
resource rulesOnly 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // want AIG101 AIG301
  name: 'oai-docintel-rulesonly'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-docintel-rulesonly'
    disableLocalAuth: true
    networkAcls: {
      ipRules: [
        {
          value: '198.51.100.10'
        }
      ]
    }
  }
}
