package bicep

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func writeFiles(t *testing.T, files map[string]string) (dir string, paths []string) {
	t.Helper()
	dir = t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		if IsSource(path) {
			paths = append(paths, path)
		}
	}
	slices.Sort(paths)
	return dir, paths
}

// got is one property of one resource as a test states it: address, ARM path, value as JSON, state, line.
type got struct {
	Address string
	Path    string
	Value   string
	State   string
	Line    int
}

func propertyOf(r *model.Resource, path string) got {
	v := r.Get(path)
	if v == nil {
		return got{Address: r.Address, Path: path, Value: "absent"}
	}
	return got{Address: r.Address, Path: path, Value: model.JSONText(v.Cty()), State: v.State.String(), Line: v.Range.Start.Line}
}

// TestEvaluate evaluates small files and checks, for each resource, the value, state and line of the
// properties the rules read.
func TestEvaluate(t *testing.T) {
	const account = "Microsoft.CognitiveServices/accounts@2025-06-01"
	tests := []struct {
		name  string
		files map[string]string
		paths []string
		want  []got
	}{
		{
			name: "parameters, variables and interpolation",
			files: map[string]string{"main.bicep": `
@description('Prefix')
@minLength(2)
param prefix string = 'ai'
@allowed(['Enabled', 'Disabled'])
param access string = 'Disabled'
param keysOff bool
var name = '${prefix}-${toLower('OAI')}'
resource acct '` + account + `' = {
  name: name
  kind: 'OpenAI'
  properties: {
    publicNetworkAccess: access
    disableLocalAuth: keysOff
    customSubDomainName: 'x${length(name)}'
  }
}
`},
			paths: []string{"name", "properties.publicNetworkAccess", "properties.disableLocalAuth", "properties.customSubDomainName"},
			want: []got{
				{"acct", "name", `"ai-oai"`, "set", 10},
				{"acct", "properties.publicNetworkAccess", `"Disabled"`, "set", 13},
				{"acct", "properties.disableLocalAuth", "?", "unknown", 14},
				{"acct", "properties.customSubDomainName", `"x6"`, "set", 15},
			},
		},
		{
			name: "loops with a ternary on the index, safe access and coalescing",
			files: map[string]string{"main.bicep": `
param configs array = [
  { name: 'a', network: { access: 'Disabled' } }
  { name: 'b' }
]
resource last '` + account + `' = {
  name: configs[^1].name
}
resource accts '` + account + `' = [for (c, i) in configs: {
  name: c.name
  properties: {
    publicNetworkAccess: c.?network.?access ?? 'Enabled'
    disableLocalAuth: i == 0 ? true : false
  }
}]
`},
			paths: []string{"name", "properties.publicNetworkAccess", "properties.disableLocalAuth"},
			want: []got{
				{"last", "name", `"b"`, "set", 7},
				{"last", "properties.publicNetworkAccess", "absent", "", 0},
				{"last", "properties.disableLocalAuth", "absent", "", 0},
				{"accts[0]", "name", `"a"`, "set", 10},
				{"accts[0]", "properties.publicNetworkAccess", `"Disabled"`, "set", 12},
				{"accts[0]", "properties.disableLocalAuth", "true", "set", 13},
				{"accts[1]", "name", `"b"`, "set", 10},
				{"accts[1]", "properties.publicNetworkAccess", `"Enabled"`, "set", 12},
				{"accts[1]", "properties.disableLocalAuth", "false", "set", 13},
			},
		},
		{
			name: "a ternary with a known condition keeps the range inside the branch",
			files: map[string]string{"main.bicep": `
param prod bool = true
resource acct '` + account + `' = {
  name: 'oai'
  properties: prod ? {
    publicNetworkAccess: 'Disabled'
  } : {}
}
`},
			paths: []string{"properties.publicNetworkAccess"},
			want:  []got{{"acct", "properties.publicNetworkAccess", `"Disabled"`, "set", 6}},
		},
		{
			name: "a member whose name is known only at deployment leaves the others known",
			files: map[string]string{"main.bicep": `
resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id'
}
resource acct '` + account + `' = {
  name: 'oai'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${id.id}': {}
    }
  }
}
`},
			paths: []string{"identity.type", "identity.userAssignedIdentities.x"},
			want: []got{
				{"id", "identity.type", "absent", "", 0},
				{"id", "identity.userAssignedIdentities.x", "absent", "", 0},
				{"acct", "identity.type", `"UserAssigned"`, "set", 8},
				{"acct", "identity.userAssignedIdentities.x", "?", "unknown", 10},
			},
		},
		{
			name: "a property loop keeps the items its filter keeps, each at its own range",
			files: map[string]string{"main.bicep": `
param ips array = ['203.0.113.7', '', '198.51.100.0/28']
param more array
resource acct '` + account + `' = {
  name: 'oai'
  properties: {
    networkAcls: {
      ipRules: [for ip in ips: if (!empty(ip)) {
        value: ip
      }]
      virtualNetworkRules: [for id in more: { id: id }]
    }
  }
}
`},
			paths: []string{"properties.networkAcls.ipRules", "properties.networkAcls.virtualNetworkRules"},
			want: []got{
				{"acct", "properties.networkAcls.ipRules", `[{"value":"203.0.113.7"},{"value":"198.51.100.0/28"}]`, "set", 8},
				{"acct", "properties.networkAcls.virtualNetworkRules", "?", "unknown", 11},
			},
		},
		{
			name: "a ternary on an unknown condition keeps what both objects agree on",
			files: map[string]string{"main.bicep": `
param strict bool
resource acct '` + account + `' = {
  name: 'oai'
  properties: {
    networkAcls: strict ? { defaultAction: 'Deny', ipRules: [] } : { defaultAction: 'Deny' }
  }
}
`},
			paths: []string{"properties.networkAcls.defaultAction", "properties.networkAcls.ipRules"},
			want: []got{
				{"acct", "properties.networkAcls.defaultAction", `"Deny"`, "set", 6},
				{"acct", "properties.networkAcls.ipRules", "?", "unknown", 6},
			},
		},
		{
			name: "object spread: known members land on the spread, an unknown spread opens the object and decides at its line",
			files: map[string]string{"main.bicep": `
param extra object
var base = { publicNetworkAccess: 'Disabled' }
resource known '` + account + `' = {
  name: 'known'
  properties: {
    ...base
    disableLocalAuth: true
  }
}
resource open '` + account + `' = {
  name: 'open'
  properties: {
    disableLocalAuth: true
    ...extra
    publicNetworkAccess: 'Disabled'
  }
}
`},
			paths: []string{"properties.publicNetworkAccess", "properties.disableLocalAuth"},
			want: []got{
				{"known", "properties.publicNetworkAccess", `"Disabled"`, "set", 7},
				{"known", "properties.disableLocalAuth", "true", "set", 8},
				{"open", "properties.publicNetworkAccess", `"Disabled"`, "set", 16},
				{"open", "properties.disableLocalAuth", "?", "unknown", 15},
			},
		},
		{
			name: "user functions, lambdas and imports",
			files: map[string]string{
				"shared.bicep": `
@export()
var secure = { publicNetworkAccess: 'Disabled' }
@export()
func access(open bool) string => open ? 'Enabled' : 'Disabled'
`,
				"main.bicep": `
import { secure, access as accessOf } from 'shared.bicep'
import * as shared from 'shared.bicep'
func keysOff() bool => true
var names = filter(map(['a', 'b', 'c'], n => 'oai-${n}'), n => n != 'oai-b')
resource accts '` + account + `' = [for n in names: {
  name: n
  properties: {
    publicNetworkAccess: n == 'oai-a' ? secure.publicNetworkAccess : accessOf(true)
    disableLocalAuth: keysOff()
    restrictOutboundNetworkAccess: shared.access(false) == 'Disabled'
  }
}]
`},
			paths: []string{"name", "properties.publicNetworkAccess", "properties.disableLocalAuth", "properties.restrictOutboundNetworkAccess"},
			want: []got{
				{"accts[0]", "name", `"oai-a"`, "set", 7},
				{"accts[0]", "properties.publicNetworkAccess", `"Disabled"`, "set", 9},
				{"accts[0]", "properties.disableLocalAuth", "true", "set", 10},
				{"accts[0]", "properties.restrictOutboundNetworkAccess", "true", "set", 11},
				{"accts[1]", "name", `"oai-c"`, "set", 7},
				{"accts[1]", "properties.publicNetworkAccess", `"Enabled"`, "set", 9},
				{"accts[1]", "properties.disableLocalAuth", "true", "set", 10},
				{"accts[1]", "properties.restrictOutboundNetworkAccess", "true", "set", 11},
			},
		},
		{
			name: "existing resources are not judged, what is nested in them is; children take their parent's type and name",
			files: map[string]string{"main.bicep": `
resource old '` + account + `' existing = {
  name: 'old'
  resource dep 'deployments@2025-06-01' = {
    name: 'gpt'
  }
}
resource acct '` + account + `' = {
  name: 'oai'
  resource dep 'deployments@2025-06-01' = {
    name: 'gpt'
  }
}
resource other 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
  parent: acct
  name: 'emb'
  properties: { model: { name: acct::dep.name } }
}
`},
			paths: []string{"name", "properties.model.name"},
			want: []got{
				{"old::dep", "name", `"old/gpt"`, "set", 5},
				{"old::dep", "properties.model.name", "absent", "", 0},
				{"acct", "name", `"oai"`, "set", 9},
				{"acct", "properties.model.name", "absent", "", 0},
				{"acct::dep", "name", `"oai/gpt"`, "set", 11},
				{"acct::dep", "properties.model.name", "absent", "", 0},
				{"other", "name", `"oai/emb"`, "set", 16},
				{"other", "properties.model.name", `"gpt"`, "set", 17},
			},
		},
		{
			name: "resources nested in one body name each other by their bare names",
			files: map[string]string{"main.bicep": `
resource acct '` + account + `' = {
  name: 'oai'
  resource policy 'raiPolicies@2025-06-01' = {
    name: 'strict'
  }
  resource dep 'deployments@2025-06-01' = {
    name: 'gpt'
    properties: { raiPolicyName: policy.name }
  }
}
`},
			paths: []string{"properties.raiPolicyName"},
			want: []got{
				{"acct", "properties.raiPolicyName", "absent", "", 0},
				{"acct::policy", "properties.raiPolicyName", "absent", "", 0},
				{"acct::dep", "properties.raiPolicyName", `"strict"`, "set", 9},
			},
		},
		{
			name: "conditions: a known false one drops the resource, an unknown one keeps it",
			files: map[string]string{"main.bicep": `
param deploy bool = false
param maybe bool
resource skipped '` + account + `' = if (deploy) {
  name: 'skipped'
}
resource kept '` + account + `' = if (maybe) {
  name: 'kept'
}
`},
			paths: []string{"name"},
			want:  []got{{"kept", "name", `"kept"`, "set", 8}},
		},
		{
			name: "references to other resources stay symbolic",
			files: map[string]string{"main.bicep": `
resource acct '` + account + `' = {
  name: 'oai'
}
resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe'
  properties: {
    privateLinkServiceConnections: [
      {
        name: 'c'
        properties: { privateLinkServiceId: acct.id }
      }
    ]
  }
}
`},
			paths: []string{"properties.privateLinkServiceConnections"},
			want: []got{
				{"acct", "properties.privateLinkServiceConnections", "absent", "", 0},
				{"pe", "properties.privateLinkServiceConnections", "?", "set", 8},
			},
		},
		{
			name: "a local module gets its parameters from the call, in a loop too",
			files: map[string]string{
				"main.bicep": `
module one 'modules/ai.bicep' = {
  name: 'one'
  params: { name: 'one', access: 'Disabled' }
}
module many './modules/ai.bicep' = [for n in ['x', 'y']: {
  name: n
  params: { name: n }
}]
resource uses '` + account + `' = {
  name: 'uses-${one.outputs.accountName}'
}
`,
				"modules/ai.bicep": `
param name string
param access string = 'Enabled'
resource acct '` + account + `' = {
  name: name
  properties: { publicNetworkAccess: access }
}
output accountName string = acct.name
`},
			paths: []string{"name", "properties.publicNetworkAccess"},
			want: []got{
				{"uses", "name", `"uses-one"`, "set", 11},
				{"uses", "properties.publicNetworkAccess", "absent", "", 0},
				{"one.acct", "name", `"one"`, "set", 5},
				{"one.acct", "properties.publicNetworkAccess", `"Disabled"`, "set", 6},
				{"many[0].acct", "name", `"x"`, "set", 5},
				{"many[0].acct", "properties.publicNetworkAccess", `"Enabled"`, "set", 6},
				{"many[1].acct", "name", `"y"`, "set", 5},
				{"many[1].acct", "properties.publicNetworkAccess", `"Enabled"`, "set", 6},
			},
		},
		{
			name: "a .bicepparam file gives the values of the file it uses",
			files: map[string]string{
				"main.bicep": `
param access string = 'Enabled'
resource acct '` + account + `' = {
  name: 'oai'
  properties: { publicNetworkAccess: access }
}
`,
				"prod.bicepparam": `
using 'main.bicep'
var off = 'Disabled'
param access = off
`},
			paths: []string{"properties.publicNetworkAccess"},
			want:  []got{{"acct", "properties.publicNetworkAccess", `"Disabled"`, "set", 5}},
		},
		{
			name: "a .bicepparam file takes the values of the base it extends, and overrides them",
			files: map[string]string{
				"main.bicep": `
param access string = 'Enabled'
param keysOff bool = false
resource acct '` + account + `' = {
  name: 'oai'
  properties: { publicNetworkAccess: access, disableLocalAuth: keysOff }
}
`,
				"base.bicepparam": "using none\nparam keysOff = true\nparam access = 'Enabled'\n",
				"prod.bicepparam": "using 'main.bicep'\nextends 'base.bicepparam'\nparam access = 'Disabled'\n",
			},
			paths: []string{"properties.publicNetworkAccess", "properties.disableLocalAuth"},
			want: []got{
				{"acct", "properties.publicNetworkAccess", `"Disabled"`, "set", 6},
				{"acct", "properties.disableLocalAuth", "true", "set", 6},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, paths := writeFiles(t, tt.files)
			res := Load(paths, Options{})
			if len(res.Diagnostics) > 0 {
				t.Errorf("diagnostics: %s", res.Diagnostics.Error())
			}
			var all []got
			for _, r := range res.Resources {
				for _, p := range tt.paths {
					all = append(all, propertyOf(r, p))
				}
			}
			if diff := cmp.Diff(tt.want, all); diff != "" {
				t.Errorf("resources differ (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReferencesStaySymbolic checks that a property computed from another resource is unknown and
// names that resource, instance by instance, so that rules can join the two.
func TestReferencesStaySymbolic(t *testing.T) {
	_, paths := writeFiles(t, map[string]string{"main.bicep": `
resource accts 'Microsoft.CognitiveServices/accounts@2025-06-01' = [for n in ['a', 'b']: {
  name: n
}]
resource old 'Microsoft.CognitiveServices/accounts@2025-06-01' existing = {
  name: 'old'
}
resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe'
  properties: {
    privateLinkServiceConnections: [
      { properties: { privateLinkServiceId: accts[1].id } }
      { properties: { privateLinkServiceId: old.id } }
    ]
  }
}
`})
	res := Load(paths, Options{})
	i := slices.IndexFunc(res.Resources, func(r *model.Resource) bool { return r.Address == "pe" })
	if i < 0 {
		t.Fatalf("no pe among %d resources: %s", len(res.Resources), res.Diagnostics.Error())
	}
	var refs [][]model.Ref
	for _, conn := range res.Resources[i].Get("properties.privateLinkServiceConnections").Elems() {
		v := conn.Get("properties.privateLinkServiceId")
		if v.State != model.Unknown {
			t.Errorf("privateLinkServiceId is %s, want unknown", v.State)
		}
		refs = append(refs, v.Refs)
	}
	want := [][]model.Ref{{{Kind: model.ResourceRef, Address: "accts[1]"}}, {{Kind: model.DataRef, Address: "old"}}}
	if diff := cmp.Diff(want, refs); diff != "" {
		t.Errorf("references (-want +got):\n%s", diff)
	}
}

// TestHeaderAndVia checks where findings about absent properties land: the resource declaration from its
// keyword to its type, and, in a module, the calls that lead there.
func TestHeaderAndVia(t *testing.T) {
	dir, paths := writeFiles(t, map[string]string{
		"main.bicep": "module ai 'ai.bicep' = {\n  name: 'ai'\n}\n",
		"ai.bicep":   "@description('x')\nresource acct 'Microsoft.CognitiveServices/accounts@2025-06-01' = {\n  name: 'oai'\n}\n",
	})
	res := Load(paths, Options{})
	if len(res.Resources) != 1 {
		t.Fatalf("%d resources, want 1: %s", len(res.Resources), res.Diagnostics.Error())
	}
	r := res.Resources[0]
	wantHeader := hcl.Range{Filename: filepath.Join(dir, "ai.bicep"), Start: hcl.Pos{Line: 2, Column: 1, Byte: 18}, End: hcl.Pos{Line: 2, Column: 64, Byte: 81}}
	if diff := cmp.Diff(wantHeader, r.Range); diff != "" {
		t.Errorf("header range (-want +got):\n%s", diff)
	}
	wantVia := []hcl.Range{{Filename: filepath.Join(dir, "main.bicep"), Start: hcl.Pos{Line: 1, Column: 1, Byte: 0}, End: hcl.Pos{Line: 1, Column: 21, Byte: 20}}}
	if diff := cmp.Diff(wantVia, r.Via); diff != "" {
		t.Errorf("via (-want +got):\n%s", diff)
	}
	if r.Language != model.Bicep || r.APIVersion != "2025-06-01" || r.Type != "Microsoft.CognitiveServices/accounts" {
		t.Errorf("resource = %s %s %s", r.Language, r.Type, r.APIVersion)
	}
}

// TestDiagnostics checks the mistakes Bicep rejects and the things aigate does not read: each is
// reported where it is, and the rest of the files is still evaluated.
func TestDiagnostics(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // "file:line: severity: summary"
	}{
		{"a parameter declared twice", map[string]string{"main.bicep": "param a string\nparam a string\n"},
			[]string{"main.bicep:2: error: Duplicate declaration"}},
		{"a registry module", map[string]string{"main.bicep": "module m 'br/public:avm/res/x:1.0.0' = {\n  name: 'm'\n}\n"},
			[]string{"main.bicep:1: warning: Registry module skipped"}},
		{"a missing module", map[string]string{"main.bicep": "module m './nope.bicep' = {\n  name: 'm'\n}\n"},
			[]string{"main.bicep:1: error: Module not found"}},
		{"a module cycle", map[string]string{
			"a.bicep": "module b 'b.bicep' = {\n  name: 'b'\n}\n",
			"b.bicep": "module a 'a.bicep' = {\n  name: 'a'\n}\n"},
			[]string{"b.bicep:1: error: Module cycle"}},
		{"an undeclared name", map[string]string{"main.bicep": "var a = b\nresource r 'Microsoft.CognitiveServices/accounts@2025-06-01' = {\n  name: a\n}\n"},
			[]string{"main.bicep:1: error: Unknown name"}},
		{"a variable that depends on itself", map[string]string{"main.bicep": "var a = b\nvar b = a\nresource r 'Microsoft.CognitiveServices/accounts@2025-06-01' = {\n  name: a\n}\n"},
			[]string{"main.bicep:1: error: Dependency cycle"}},
		{"a resource whose name reads itself", map[string]string{"main.bicep": "resource r 'Microsoft.CognitiveServices/accounts@2025-06-01' = {\n  name: '${r.name}x'\n}\n"},
			[]string{"main.bicep:2: error: Dependency cycle"}},
		{"a .bicepparam file without using", map[string]string{"x.bicepparam": "param a = 1\n"},
			[]string{"x.bicepparam:1: warning: Parameter file not applied"}},
		{"a base .bicepparam file that uses none", map[string]string{
			"base.bicepparam": "using none\nparam a = 1\n",
			"prod.bicepparam": "using 'main.bicep'\nextends 'base.bicepparam'\n",
			"main.bicep":      "param a int\n"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, paths := writeFiles(t, tt.files)
			res := Load(paths, Options{})
			var all []string
			for _, d := range res.Diagnostics {
				rel, _ := filepath.Rel(dir, d.Subject.Filename)
				sev := "warning"
				if d.Severity == hcl.DiagError {
					sev = "error"
				}
				all = append(all, filepath.ToSlash(rel)+":"+strconv.Itoa(d.Subject.Start.Line)+": "+sev+": "+d.Summary)
			}
			if diff := cmp.Diff(tt.want, all); diff != "" {
				t.Errorf("diagnostics differ (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNameExpr checks that a name known only at deployment is quoted as written, on one line, so that
// messages can name the resource.
func TestNameExpr(t *testing.T) {
	_, paths := writeFiles(t, map[string]string{"main.bicep": `
param prefix string
resource known 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai'
}
resource computed 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: format('{0}-{1}',
    prefix, 'oai')
}
`})
	res := Load(paths, Options{})
	var got []string
	for _, r := range res.Resources {
		got = append(got, r.Address+": "+r.NameExpr)
	}
	want := []string{"known: ", "computed: format('{0}-{1}', prefix, 'oai')"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("NameExpr (-want +got):\n%s", diff)
	}
}

func TestSpelling(t *testing.T) {
	tests := []struct {
		value cty.Value
		want  string
	}{
		{cty.StringVal("Disabled"), "'Disabled'"},
		{cty.StringVal("it's ${x}\n"), `'it\'s \${x}\n'`},
		{cty.True, "true"},
		{cty.NumberIntVal(3), "3"},
		{cty.NullVal(cty.String), "null"},
		{cty.UnknownVal(cty.String), "?"},
		{cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.False}), "['a', false]"},
		{cty.ObjectVal(map[string]cty.Value{"defaultAction": cty.StringVal("Deny"), "a-b": cty.NumberIntVal(1), "_1": cty.True}),
			"{ _1: true, 'a-b': 1, defaultAction: 'Deny' }"},
	}
	for _, tt := range tests {
		if got := (spelling{}).Value("p", tt.value); got != tt.want {
			t.Errorf("Value(%#v) = %s, want %s", tt.value, got, tt.want)
		}
	}
	if got := (spelling{}).Instruct("properties.disableLocalAuth", cty.True); got != "set properties.disableLocalAuth: true" {
		t.Errorf("Instruct = %s", got)
	}
}

// TestUnreadableFile passes a file that cannot be read among good ones: it is reported, and the others
// are evaluated.
func TestUnreadableFile(t *testing.T) {
	dir, paths := writeFiles(t, map[string]string{"main.bicep": "resource acct 'Microsoft.CognitiveServices/accounts@2025-06-01' = {\n  name: 'oai'\n}\n"})
	res := Load(append(paths, filepath.Join(dir, "gone.bicep")), Options{})
	if len(res.Resources) != 1 {
		t.Errorf("%d resources, want the readable file's 1", len(res.Resources))
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Summary != "Cannot read file" {
		t.Errorf("diagnostics = %s, want one Cannot read file", res.Diagnostics.Error())
	}
}

// TestLoadFunctions reads files with loadJsonContent and loadTextContent: within the root file's folder
// (there is no repository here), also from a module in a subfolder; never outside it, by a path or by a
// symbolic link, where the value is unknown and a warning says why.
func TestLoadFunctions(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("Enabled"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir, paths := writeFiles(t, map[string]string{
		"app/config.json": `{"network": {"access": "Disabled"}}`,
		"app/main.bicep": `
module ai 'modules/ai.bicep' = {
  name: 'ai'
}
resource escaped 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'escaped'
  properties: { publicNetworkAccess: loadTextContent('../outside.txt') }
}
resource linked 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'linked'
  properties: { publicNetworkAccess: loadTextContent('link.txt') }
}
`,
		"app/modules/ai.bicep": `
resource acct 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'oai'
  properties: { publicNetworkAccess: loadJsonContent('../config.json', '$.network.access') }
}
`,
		"outside.txt": "Enabled",
	})
	if err := os.Symlink(outside, filepath.Join(dir, "app", "link.txt")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	res := Load(paths, Options{})
	var all []got
	for _, r := range res.Resources {
		all = append(all, propertyOf(r, "properties.publicNetworkAccess"))
	}
	want := []got{
		{"escaped", "properties.publicNetworkAccess", "?", "unknown", 7},
		{"linked", "properties.publicNetworkAccess", "?", "unknown", 11},
		{"ai.acct", "properties.publicNetworkAccess", `"Disabled"`, "set", 4},
	}
	if diff := cmp.Diff(want, all); diff != "" {
		t.Errorf("resources differ (-want +got):\n%s", diff)
	}
	var lines []int
	for _, d := range res.Diagnostics {
		if d.Summary != "File not loaded" {
			t.Errorf("unexpected diagnostic: %s", d.Error())
		}
		lines = append(lines, d.Subject.Start.Line)
	}
	if diff := cmp.Diff([]int{7, 11}, lines); diff != "" {
		t.Errorf("warnings at lines (-want +got):\n%s", diff)
	}
}

// TestLoadWithinRepository lets a module outside the root file's folder, but in its repository, load the
// file beside it, as monorepos lay out environments and shared modules.
func TestLoadWithinRepository(t *testing.T) {
	_, paths := writeFiles(t, map[string]string{
		".git/HEAD":             "ref: refs/heads/main\n",
		"envs/prod/main.bicep":  "module ai '../../modules/ai/main.bicep' = {\n  name: 'ai'\n}\n",
		"modules/ai/main.bicep": "resource acct 'Microsoft.CognitiveServices/accounts@2025-06-01' = {\n  name: 'oai'\n  properties: { publicNetworkAccess: loadTextContent('access.txt') }\n}\n",
		"modules/ai/access.txt": "Disabled",
	})
	res := Load(paths, Options{})
	if len(res.Diagnostics) > 0 {
		t.Errorf("diagnostics: %s", res.Diagnostics.Error())
	}
	if len(res.Resources) != 1 {
		t.Fatalf("%d resources, want 1", len(res.Resources))
	}
	if got := propertyOf(res.Resources[0], "properties.publicNetworkAccess"); got.Value != `"Disabled"` {
		t.Errorf("publicNetworkAccess = %s, want the file's Disabled", got.Value)
	}
}
