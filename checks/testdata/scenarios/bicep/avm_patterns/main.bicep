// Patterns from Azure Verified Modules and real repositories that must keep what is known known:
// a null passed to a parameter with a default, outputs of a looped module picked by index, a lambda
// over items with an unknown field, and a spread whose condition is unknown.
param settings object = {}
param prefix string
param tags object

// null (settings.?x, a ternary to null) leaves the module's secure defaults in force: no finding.
module defaults 'modules/acct.bicep' = {
  name: 'defaults'
  params: {
    name: 'oai-defaults'
    publicNetworkAccess: settings.?publicNetworkAccess
    disableLocalAuth: contains(settings, 'disableLocalAuth') ? settings.disableLocalAuth : null
  }
}

// accts[0] is Disabled, accts[1] is Enabled: the followers copy them, so only follow[1] is open.
module accts 'modules/acct.bicep' = [for (r, i) in ['eastus', 'westus']: {
  name: 'acct-${r}'
  params: {
    name: 'oai-${r}'
    publicNetworkAccess: i == 0 ? 'Disabled' : 'Enabled'
  }
}]
module follow 'modules/acct.bicep' = [for (r, i) in ['eastus', 'westus']: {
  name: 'follow-${r}'
  params: {
    name: 'follow-${r}'
    publicNetworkAccess: accts[i].outputs.pna
  }
}]

// filter reads only `enabled`, which is known although the names are not: the open one is dropped.
var accounts = [
  { name: '${prefix}-oai', enabled: true, publicNetworkAccess: 'Disabled' }
  { name: '${prefix}-old', enabled: false, publicNetworkAccess: 'Enabled' }
]
module filtered 'modules/acct.bicep' = [for a in filter(accounts, x => x.enabled): {
  name: a.name
  params: {
    name: a.name
    publicNetworkAccess: a.publicNetworkAccess
  }
}]

// The spread adds tags or nothing; it cannot touch the network or keys.
module spread 'modules/acct.bicep' = {
  name: 'spread'
  params: {
    name: 'oai-spread'
    ...(empty(tags) ? {} : { tags: tags })
  }
}
