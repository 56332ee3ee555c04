package bicep

import (
	"slices"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
)

// identity is what a test states of a resource's place in its deployment: its ID, the references and
// lines of its parent and scope values (line 0 when absent) and what it depends on.
type identity struct {
	Address    string
	ID         string
	Known      bool
	Parent     []model.Ref
	ParentLine int
	Scope      []model.Ref
	ScopeLine  int
	DependsOn  []model.Ref
}

// identityOf states a resource's identity. The ID of a resource from a compiled module is the ARM front
// end's to work out, and left out.
func identityOf(r *model.Resource) identity {
	out := identity{Address: r.Address, DependsOn: r.DependsOn}
	if r.Language == model.Bicep {
		out.ID, out.Known = r.ID.String(), r.ID.Known()
	}
	if r.ParentRef != nil {
		out.Parent, out.ParentLine = r.ParentRef.Refs, r.ParentRef.Range.Start.Line
	}
	if r.Scope != nil {
		out.Scope, out.ScopeLine = r.Scope.Refs, r.Scope.Range.Start.Line
	}
	return out
}

func resourceRef(address string) model.Ref {
	return model.Ref{Kind: model.ResourceRef, Address: address}
}
func existingRef(address string) model.Ref { return model.Ref{Kind: model.DataRef, Address: address} }

// TestIdentity checks the ID, parent, scope and dependencies of every resource read, declaration by
// declaration, and that every dependency names a resource the deployment resolves.
func TestIdentity(t *testing.T) {
	const (
		account    = "Microsoft.CognitiveServices/accounts@2025-06-01"
		deployment = "Microsoft.CognitiveServices/accounts/deployments@2025-06-01"
		diagnostic = "Microsoft.Insights/diagnosticSettings@2021-05-01-preview"
	)
	tests := []struct {
		name  string
		files map[string]string
		want  []identity
		// settled are the addresses of the deployment's resources, a resource declared twice settled.
		settled []string
	}{
		{
			name: "children nested and with parent, extension resources and existing resources",
			files: map[string]string{"main.bicep": `
resource acct '` + account + `' = {
  name: 'oai'
  resource chat 'deployments@2025-06-01' = {
    name: 'gpt'
  }
}
resource mini '` + deployment + `' = {
  parent: acct
  name: 'mini'
  dependsOn: [acct::chat, shared]
}
resource logs '` + diagnostic + `' = {
  name: 'logs'
  scope: acct
}
resource shared '` + account + `' existing = {
  name: 'hub'
  resource old 'deployments@2025-06-01' existing = {
    name: 'old'
  }
  resource added 'deployments@2025-06-01' = {
    name: 'added'
  }
}
resource hubLogs '` + diagnostic + `' = {
  name: 'logs'
  scope: shared
}
resource hubMini '` + deployment + `' = {
  parent: shared
  name: 'mini'
}
resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'no-delete'
  scope: resourceGroup()
}
`},
			want: []identity{
				{Address: "acct", ID: "Microsoft.CognitiveServices/accounts/oai", Known: true},
				{Address: "acct::chat", ID: "Microsoft.CognitiveServices/accounts/oai/deployments/gpt", Known: true,
					Parent: []model.Ref{resourceRef("acct")}, ParentLine: 4},
				{Address: "mini", ID: "Microsoft.CognitiveServices/accounts/oai/deployments/mini", Known: true,
					Parent: []model.Ref{resourceRef("acct")}, ParentLine: 9, DependsOn: []model.Ref{resourceRef("acct::chat")}},
				{Address: "logs", ID: "Microsoft.CognitiveServices/accounts/oai/providers/Microsoft.Insights/diagnosticSettings/logs",
					Known: true, Scope: []model.Ref{resourceRef("acct")}, ScopeLine: 15},
				{Address: "shared::added", ID: "Microsoft.CognitiveServices/accounts/hub/deployments/added", Known: true,
					Parent: []model.Ref{existingRef("shared")}, ParentLine: 22},
				{Address: "hubLogs", ID: "Microsoft.CognitiveServices/accounts/hub/providers/Microsoft.Insights/diagnosticSettings/logs",
					Known: true, Scope: []model.Ref{existingRef("shared")}, ScopeLine: 28},
				{Address: "hubMini", ID: "Microsoft.CognitiveServices/accounts/hub/deployments/mini", Known: true,
					Parent: []model.Ref{existingRef("shared")}, ParentLine: 31},
				{Address: "lock", ID: "Microsoft.Authorization/locks/no-delete", Known: true, ScopeLine: 36},
			},
			settled: []string{"acct", "acct::chat", "mini", "logs", "shared::added", "hubLogs", "hubMini", "lock"},
		},
		{
			name: "names known only at deployment, loops and instances",
			files: map[string]string{"main.bicep": `
param suffix string
resource acct '` + account + `' = {
  name: 'oai-${suffix}'
  resource chat 'deployments@2025-06-01' = {
    name: 'gpt'
  }
}
resource named '` + deployment + `' = {
  name: 'oai/${suffix}'
}
resource accts '` + account + `' = [for n in ['a', 'b']: {
  name: n
}]
resource perAccount '` + diagnostic + `' = [for i in range(0, 2): {
  name: 'logs'
  scope: accts[i]
  dependsOn: [accts[i]]
}]
resource afterAll '` + deployment + `' = {
  parent: accts[0]
  name: 'gpt'
  dependsOn: [accts]
}
`},
			want: []identity{
				{Address: "acct", ID: "Microsoft.CognitiveServices/accounts/?"},
				{Address: "acct::chat", ID: "Microsoft.CognitiveServices/accounts/?/deployments/gpt", Parent: []model.Ref{resourceRef("acct")}, ParentLine: 5},
				{Address: "named", ID: "Microsoft.CognitiveServices/accounts/?/deployments/?"},
				{Address: "accts[0]", ID: "Microsoft.CognitiveServices/accounts/a", Known: true},
				{Address: "accts[1]", ID: "Microsoft.CognitiveServices/accounts/b", Known: true},
				{Address: "perAccount[0]", ID: "Microsoft.CognitiveServices/accounts/a/providers/Microsoft.Insights/diagnosticSettings/logs",
					Known: true, Scope: []model.Ref{resourceRef("accts[0]")}, ScopeLine: 17, DependsOn: []model.Ref{resourceRef("accts[0]")}},
				{Address: "perAccount[1]", ID: "Microsoft.CognitiveServices/accounts/b/providers/Microsoft.Insights/diagnosticSettings/logs",
					Known: true, Scope: []model.Ref{resourceRef("accts[1]")}, ScopeLine: 17, DependsOn: []model.Ref{resourceRef("accts[1]")}},
				{Address: "afterAll", ID: "Microsoft.CognitiveServices/accounts/a/deployments/gpt", Known: true,
					Parent: []model.Ref{resourceRef("accts[0]")}, ParentLine: 21, DependsOn: []model.Ref{resourceRef("accts[0]"), resourceRef("accts[1]")}},
			},
			settled: []string{"acct", "acct::chat", "named", "accts[0]", "accts[1]", "perAccount[0]", "perAccount[1]", "afterAll"},
		},
		{
			name: "what a module call reads and waits for, in .bicep and compiled modules, through nested calls",
			files: map[string]string{
				"main.bicep": `
resource acct '` + account + `' = {
  name: 'oai'
}
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv'
}
resource old '` + account + `' existing = {
  name: 'old'
}
module cmk 'modules/cmk.bicep' = {
  name: 'cmk'
  params: {
    accountName: acct.name
    principalId: acct.identity.principalId
    oldId: old.id
  }
  dependsOn: [vault]
}
module compiled 'modules/compiled.json' = {
  name: 'compiled'
  params: {
    accountName: cmk.outputs.name
  }
}
resource after '` + deployment + `' = {
  parent: acct
  name: 'gpt'
  dependsOn: [compiled]
}
`,
				"modules/cmk.bicep": `
param accountName string
param principalId string
param oldId string
resource acct '` + account + `' = {
  name: accountName
}
module roles 'roles.bicep' = {
  name: 'roles'
  params: {
    principalId: principalId
  }
  dependsOn: [acct]
}
output name string = acct.name
`,
				"modules/roles.bicep": `
param principalId string
resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: 'assignment'
  properties: {
    principalId: principalId
  }
}
`,
				"modules/compiled.json": `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"accountName": {"type": "string"}},
  "resources": [
    {
      "type": "Microsoft.CognitiveServices/accounts/raiPolicies",
      "apiVersion": "2025-06-01",
      "name": "[format('{0}/strict', parameters('accountName'))]"
    }
  ]
}`,
			},
			want: []identity{
				{Address: "acct", ID: "Microsoft.CognitiveServices/accounts/oai", Known: true},
				{Address: "vault", ID: "Microsoft.KeyVault/vaults/kv", Known: true},
				{Address: "after", ID: "Microsoft.CognitiveServices/accounts/oai/deployments/gpt", Known: true,
					Parent: []model.Ref{resourceRef("acct")}, ParentLine: 27,
					DependsOn: []model.Ref{resourceRef("Microsoft.CognitiveServices/accounts/raiPolicies/oai/strict")}},
				{Address: "cmk.acct", ID: "Microsoft.CognitiveServices/accounts/oai", Known: true,
					DependsOn: []model.Ref{resourceRef("acct"), resourceRef("vault")}},
				{Address: "cmk.roles.assignment", ID: "Microsoft.Authorization/roleAssignments/assignment", Known: true,
					DependsOn: []model.Ref{resourceRef("acct"), resourceRef("cmk.acct"), resourceRef("vault")}},
				{Address: "Microsoft.CognitiveServices/accounts/raiPolicies/oai/strict",
					DependsOn: []model.Ref{resourceRef("acct"), resourceRef("cmk.acct"), resourceRef("cmk.roles.assignment")}},
			},
			// cmk.acct re-deploys acct once acct exists: the deployment keeps the later declaration.
			settled: []string{"vault", "after", "cmk.acct", "cmk.roles.assignment", "Microsoft.CognitiveServices/accounts/raiPolicies/oai/strict"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, paths := writeFiles(t, tt.files)
			res := Load(paths, Options{})
			if len(res.Diagnostics) > 0 {
				t.Errorf("diagnostics: %s", res.Diagnostics.Error())
			}
			var all []identity
			for _, r := range res.Resources {
				all = append(all, identityOf(r))
			}
			if diff := cmp.Diff(tt.want, all); diff != "" {
				t.Errorf("identities differ (-want +got):\n%s", diff)
			}
			for _, r := range res.Resources {
				for _, ref := range r.DependsOn {
					if !slices.ContainsFunc(res.Resources, func(x *model.Resource) bool { return ref.Targets(x.Address) }) {
						t.Errorf("%s depends on %s, which names no resource", r.Address, ref.Address)
					}
				}
			}
			var settled []string
			for _, d := range res.Deployments {
				for _, r := range d.Resources {
					settled = append(settled, r.Address)
				}
			}
			if diff := cmp.Diff(tt.settled, settled); diff != "" {
				t.Errorf("the deployment's resources differ (-want +got):\n%s", diff)
			}
		})
	}
}

// output is what a test states of a deployment output.
type output struct {
	Name, Address      string
	StartLine, EndLine int
	Value              string
	Refs               []model.Ref
	Sensitive          bool
}

// TestOutputs checks that the root file's outputs, and not its modules', are the deployment's, in order,
// with their values, the references in them and @secure().
func TestOutputs(t *testing.T) {
	_, paths := writeFiles(t, map[string]string{
		"main.bicep": `
resource acct 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai'
}
module ai 'modules/ai.bicep' = {
  name: 'ai'
}
output endpoint string = acct.properties.endpoint
@secure()
output key string = acct.listKeys().key1
@sys.secure()
output names array = [for n in ['a']: '${n}-${acct.name}']
output settings object = {
  name: acct.name
  fromModule: ai.outputs.id
}
`,
		"modules/ai.bicep": "output id string = 'x'\n",
	})
	res := Load(paths, Options{})
	if len(res.Diagnostics) > 0 {
		t.Errorf("diagnostics: %s", res.Diagnostics.Error())
	}
	if len(res.Deployments) != 1 {
		t.Fatalf("got %d deployments, want 1", len(res.Deployments))
	}
	var got []output
	for _, o := range res.Deployments[0].Outputs {
		if o.Language != model.Bicep {
			t.Errorf("output %s: language %s", o.Name, o.Language)
		}
		got = append(got, output{Name: o.Name, Address: o.Address, StartLine: o.Range.Start.Line, EndLine: o.Range.End.Line,
			Value: model.JSONText(o.Value.Cty()), Refs: o.Value.AllRefs(), Sensitive: o.Sensitive})
	}
	want := []output{
		{"endpoint", "output endpoint", 8, 8, "?", []model.Ref{resourceRef("acct")}, false},
		{"key", "output key", 10, 10, "?", []model.Ref{resourceRef("acct")}, true},
		{"names", "output names", 12, 12, `["a-oai"]`, []model.Ref{resourceRef("acct")}, true},
		{"settings", "output settings", 13, 16, `{"fromModule":"x","name":"oai"}`, []model.Ref{resourceRef("acct"), resourceRef("ai")}, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outputs differ (-want +got):\n%s", diff)
	}
}
