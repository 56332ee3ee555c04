package corpusgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"text/template"
)

// GenerateBicep writes n Bicep module folders under dir, drawn from the same choices as the Terraform
// tree, and returns the number of lines written. Each folder has a main.bicep that calls a local module
// in a loop, so that a scan resolves parameters, variables, loops, conditions, interpolation, functions
// and module calls as it does in real repositories.
func GenerateBicep(dir string, n int) (lines int, err error) {
	for i := range n {
		m := newModule(i, 0)
		folder := filepath.Join(dir, m.Name)
		if err := os.MkdirAll(folder, 0o750); err != nil {
			return lines, err
		}
		for _, file := range bicepFiles {
			var buf bytes.Buffer
			if err := bicepTemplate.ExecuteTemplate(&buf, file, m); err != nil {
				return lines, fmt.Errorf("%s/%s: %w", m.Name, file, err)
			}
			if err := os.WriteFile(filepath.Join(folder, file), buf.Bytes(), 0o600); err != nil {
				return lines, err
			}
			lines += bytes.Count(buf.Bytes(), []byte("\n"))
		}
	}
	return lines, nil
}

var bicepFiles = []string{"main.bicep", "account.bicep"}

var bicepTemplate = template.Must(template.New("bicep").Parse(`
{{- define "main.bicep" -}}
targetScope = 'resourceGroup'

@description('Prefix of every name in this module.')
@minLength(3)
param prefix string = '{{.Prefix}}'

@allowed(['{{.Location}}', 'swedencentral'])
param location string = '{{.Location}}'

param localAuthEnabled bool = {{.LocalAuth}}
param allowedIps array = [{{range $i, $ip := .AllowedIPs}}{{if $i}}, {{end}}'{{$ip}}'{{end}}]
param replicaCount int = {{.Replicas}}

var environment = replicaCount > 1 ? 'prod' : 'dev'
var namePrefix = toLower('${prefix}-${location}')
var commonTags = union({ team: '{{.Team}}', costCenter: 'cc-{{printf "%04d" .Index}}' }, { module: '{{.Name}}', environment: environment })
var accounts = [
{{- range .Accounts}}
  {
    key: '{{.Key}}'
    kind: '{{.Kind}}'
    suffix: '{{.Suffix}}'
    publicAccess: {{if eq .Public ""}}null{{else if eq .Public "true"}}'Enabled'{{else}}'Disabled'{{end}}
    firewall: {{.Firewall}}
    defaultAction: '{{.DefaultAction}}'
    cmk: {{.CMK}}
    identity: {{.Identity}}
    subdomain: {{.Subdomain}}
    deployments: [
{{- range .Deployments}}
      { name: '{{.Key}}', format: '{{.Format}}', model: '{{.Model}}', version: '{{.Version}}', sku: '{{.Sku}}', rai: {{.RAI}} }
{{- end}}
    ]
  }
{{- end}}
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id'
  location: location
  tags: commonTags
}

module account 'account.bicep' = [for (a, i) in accounts: {
  name: '${namePrefix}-${a.key}-${i}'
  params: {
    name: '${namePrefix}-${a.suffix}'
    location: location
    kind: a.kind
    publicAccess: a.publicAccess
    firewall: a.firewall ? { defaultAction: a.defaultAction, ipRules: map(allowedIps, ip => { value: ip }) } : null
    keysOff: !localAuthEnabled
    identityId: a.identity ? identity.id : ''
    identityClientId: a.identity ? identity.properties.clientId : ''
    cmk: a.cmk
    subdomain: a.subdomain
    deployments: a.deployments
    tags: commonTags
  }
}]

output endpoints array = [for (a, i) in accounts: account[i].outputs.endpoint]
{{end}}

{{- define "account.bicep" -}}
param name string
param location string
param kind string
param publicAccess string?
param firewall object?
param keysOff bool
param identityId string
param identityClientId string
param cmk bool
param subdomain bool
param deployments array
param tags object

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  kind: kind
  tags: tags
  sku: {
    name: 'S0'
  }
  identity: empty(identityId) ? null : {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    customSubDomainName: subdomain ? name : null
    publicNetworkAccess: publicAccess
    networkAcls: firewall
    disableLocalAuth: keysOff
    encryption: cmk ? {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyName: '${name}-cmk'
        keyVaultUri: 'https://${name}-kv${environment().suffixes.keyvaultDns}'
        identityClientId: identityClientId
      }
    } : null
  }

  resource deployment 'deployments@2025-06-01' = [for d in deployments: {
    name: d.name
    sku: {
      name: d.sku
      capacity: 10
    }
    properties: {
      model: {
        format: d.format
        name: d.model
        version: d.version
      }
      raiPolicyName: d.rai ? 'Microsoft.DefaultV2' : null
    }
  }]
}

output endpoint string = account.properties.endpoint
{{end}}
`))
