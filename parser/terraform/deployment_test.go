package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// loadTree writes files under a new folder, loads it as one root and fails on errors.
func loadTree(t *testing.T, files map[string]string) (string, Result) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	res := Load([]string{dir}, Options{})
	if res.Diagnostics.HasErrors() {
		t.Fatalf("diagnostics: %s", res.Diagnostics.Error())
	}
	if len(res.Deployments) != 1 {
		t.Fatalf("%d deployments, want 1", len(res.Deployments))
	}
	return dir, res
}

// span renders a range as file:line:column-line:column, relative to dir.
func span(dir string, r hcl.Range) string {
	rel, _ := filepath.Rel(dir, r.Filename)
	return fmt.Sprintf("%s:%d:%d-%d:%d", filepath.ToSlash(rel), r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

func addresses(refs []model.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Address)
	}
	return out
}

func TestOutputs(t *testing.T) {
	dir, res := loadTree(t, map[string]string{
		"main.tf": `resource "azapi_resource" "oai" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name = "oai"
}
module "inner" {
  source = "./inner"
}
output "endpoint" {
  value = azapi_resource.oai.output.properties.endpoint
}
output "keys" {
  value = {
    primary = "k1"
    inner   = module.inner.key
  }
  sensitive = true
}
output "plain" {
  value     = "x"
  sensitive = false
}
`,
		"inner/main.tf": `output "key" {
  value     = "k2"
  sensitive = true
}
`,
	})
	type field struct{ Value, At, Refs string }
	type output struct {
		Name, Address, Range string
		Sensitive            bool
		Language             model.Language
		// Fields maps each path below the value ("" for the value itself) to what it holds.
		Fields map[string]field
	}
	describe := func(v *model.Value) field {
		return field{Value: model.JSONText(v.Cty()), At: span(dir, v.Range), Refs: strings.Join(addresses(v.Refs), ",")}
	}
	var got []output
	for _, o := range res.Deployments[0].Outputs {
		out := output{Name: o.Name, Address: o.Address, Range: span(dir, o.Range), Sensitive: o.Sensitive, Language: o.Language,
			Fields: map[string]field{"": describe(o.Value)}}
		for _, f := range o.Value.Fields() {
			out.Fields[f.Name] = describe(f.Value)
		}
		got = append(got, out)
	}
	want := []output{
		{Name: "endpoint", Address: "output.endpoint", Range: "main.tf:8:1-8:18", Language: model.Terraform,
			Fields: map[string]field{"": {Value: "?", At: "main.tf:9:3-9:56", Refs: "azapi_resource.oai"}}},
		{Name: "keys", Address: "output.keys", Range: "main.tf:11:1-11:14", Sensitive: true, Language: model.Terraform,
			Fields: map[string]field{
				"":        {Value: `{"inner":"k2","primary":"k1"}`, At: "main.tf:12:3-15:4"},
				"primary": {Value: `"k1"`, At: "main.tf:13:5-13:19"},
				"inner":   {Value: `"k2"`, At: "main.tf:14:5-14:31"},
			}},
		{Name: "plain", Address: "output.plain", Range: "main.tf:18:1-18:15", Language: model.Terraform,
			Fields: map[string]field{"": {Value: `"x"`, At: "main.tf:19:3-19:18"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outputs (-want +got):\n%s", diff)
	}
}

func TestDependsOn(t *testing.T) {
	_, res := loadTree(t, map[string]string{
		"main.tf": `data "azurerm_client_config" "current" {}
resource "azapi_resource" "oai" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name = "oai"
}
resource "azapi_resource" "search" {
  type       = "Microsoft.Search/searchServices@2025-05-01"
  name       = "search"
  depends_on = [azapi_resource.oai, data.azurerm_client_config.current, module.net]
}
resource "azapi_resource" "alone" {
  type = "Microsoft.Search/searchServices@2025-05-01"
  name = "alone"
}
module "net" {
  source = "./net"
}
module "app" {
  source     = "./app"
  count      = 2
  account    = azapi_resource.oai.name
  depends_on = [azapi_resource.alone]
}
`,
		"net/main.tf": `resource "azapi_resource" "vnet" {
  type = "Microsoft.Network/virtualNetworks@2024-05-01"
  name = "vnet"
}
module "dns" {
  source = "../dns"
}
`,
		"dns/main.tf": `resource "azapi_resource" "zone" {
  type = "Microsoft.Network/privateDnsZones@2024-06-01"
  name = "privatelink.openai.azure.com"
}
`,
		"app/main.tf": `variable "account" {}
resource "azapi_resource" "kv" {
  type = "Microsoft.KeyVault/vaults@2024-11-01"
  name = "kv-${var.account}"
}
module "inner" {
  source = "../inner"
  vault  = azapi_resource.kv.id
}
`,
		"inner/main.tf": `variable "vault" {}
resource "azapi_resource" "gpt4" {
  type       = "Microsoft.CognitiveServices/accounts/deployments@2025-06-01"
  name       = "gpt4"
  parent_id  = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/oai"
  depends_on = [azapi_resource.local]
}
resource "azapi_resource" "local" {
  type = "Microsoft.Search/searchServices@2025-05-01"
  name = "local"
}
`,
	})
	got := map[string][]string{}
	for _, r := range res.Resources {
		got[r.Address] = addresses(r.DependsOn)
	}
	want := map[string][]string{
		"azapi_resource.oai":                        nil,
		"azapi_resource.search":                     {"azapi_resource.oai", "module.net.azapi_resource.vnet", "module.net.module.dns.azapi_resource.zone"},
		"azapi_resource.alone":                      nil,
		"module.net.azapi_resource.vnet":            nil,
		"module.net.module.dns.azapi_resource.zone": nil,
		"module.app[0].azapi_resource.kv":           {"azapi_resource.alone", "azapi_resource.oai"},
		"module.app[1].azapi_resource.kv":           {"azapi_resource.alone", "azapi_resource.oai"},
		"module.app[0].module.inner.azapi_resource.gpt4": {"azapi_resource.alone", "azapi_resource.oai",
			"module.app[0].azapi_resource.kv", "module.app[0].module.inner.azapi_resource.local"},
		"module.app[0].module.inner.azapi_resource.local": {"azapi_resource.alone", "azapi_resource.oai", "module.app[0].azapi_resource.kv"},
		"module.app[1].module.inner.azapi_resource.gpt4": {"azapi_resource.alone", "azapi_resource.oai",
			"module.app[1].azapi_resource.kv", "module.app[1].module.inner.azapi_resource.local"},
		"module.app[1].module.inner.azapi_resource.local": {"azapi_resource.alone", "azapi_resource.oai", "module.app[1].azapi_resource.kv"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("depends on (-want +got):\n%s", diff)
	}
}

// TestDependsOnJSON checks that depends_on is read in the JSON syntax too, where it lists strings.
func TestDependsOnJSON(t *testing.T) {
	_, res := loadTree(t, map[string]string{"main.tf.json": `{"resource": {"azapi_resource": {
  "oai": {"type": "Microsoft.CognitiveServices/accounts@2025-06-01", "name": "oai"},
  "search": {"type": "Microsoft.Search/searchServices@2025-05-01", "name": "s", "depends_on": ["azapi_resource.oai"]}
}}}`})
	got := map[string][]string{}
	for _, r := range res.Resources {
		got[r.Address] = addresses(r.DependsOn)
	}
	want := map[string][]string{"azapi_resource.oai": nil, "azapi_resource.search": {"azapi_resource.oai"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("depends on (-want +got):\n%s", diff)
	}
}

// TestAzapiIdentity checks the IDs, parents and scopes azapi resources end with once the deployment is
// made: a child under a reference takes its parent's name, a diagnostic setting on an account extends it,
// and an update aimed at "${parent}/deployments/NAME" patches that deployment.
func TestAzapiIdentity(t *testing.T) {
	_, res := loadTree(t, map[string]string{"main.tf": `resource "azapi_resource" "oai" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name = "oai"
}
resource "azapi_resource" "gpt4" {
  type      = "Microsoft.CognitiveServices/accounts/deployments@2025-06-01"
  name      = "gpt4"
  parent_id = azapi_resource.oai.id
}
resource "azapi_resource" "literal" {
  type      = "Microsoft.CognitiveServices/accounts/deployments@2025-06-01"
  name      = "gpt4o"
  parent_id = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/oai"
}
resource "azapi_resource" "logs" {
  type      = "Microsoft.Insights/diagnosticSettings@2021-05-01-preview"
  name      = "logs"
  parent_id = azapi_resource.oai.id
}
resource "azapi_update_resource" "rai" {
  type        = "Microsoft.CognitiveServices/accounts/deployments@2025-06-01"
  resource_id = "${azapi_resource.oai.id}/deployments/gpt4"
  body = {
    properties = { raiPolicyName = "strict" }
  }
}
`})
	type identity struct{ ID, Parent, Scope, RaiPolicy string }
	got := map[string]identity{}
	for _, r := range res.Deployments[0].Resources {
		id := identity{ID: r.ID.String(), RaiPolicy: model.JSONText(r.Get("properties.raiPolicyName").Cty())}
		if r.ParentRef != nil {
			id.Parent = strings.Join(addresses(r.ParentRef.Refs), ",")
		}
		if r.Scope != nil {
			id.Scope = strings.Join(addresses(r.Scope.Refs), ",")
		}
		got[r.Address] = id
	}
	want := map[string]identity{
		"azapi_resource.oai":  {ID: "Microsoft.CognitiveServices/accounts/oai", RaiPolicy: "null"},
		"azapi_resource.gpt4": {ID: "Microsoft.CognitiveServices/accounts/oai/deployments/gpt4", Parent: "azapi_resource.oai", RaiPolicy: `"strict"`},
		"azapi_resource.literal": {ID: "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/oai/deployments/gpt4o",
			RaiPolicy: "null"},
		"azapi_resource.logs": {ID: "Microsoft.CognitiveServices/accounts/oai/providers/Microsoft.Insights/diagnosticSettings/logs",
			Scope: "azapi_resource.oai", RaiPolicy: "null"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("identities (-want +got):\n%s", diff)
	}
}
