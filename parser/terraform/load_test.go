package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// prop is what a test expects at one ARM path of one resource: its value as JSON, its state, and where
// it starts.
type prop struct {
	Value string
	State model.State
	At    string // "file:line:column"; "" when the test does not care
	Refs  string // the addresses of its refs, comma-separated; "" for none
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  Options
		env   map[string]string
		// want maps "address path" to the expected property; a nil prop expects the path to be absent.
		want map[string]*prop
		// addresses, when set, lists every resource address the load must produce, in order.
		addresses []string
	}{
		{
			name: "provider defaults fill absent arguments at the header",
			files: map[string]string{"main.tf": `resource "azurerm_cognitive_account" "oai" {
  kind = "OpenAI"
}
`},
			want: map[string]*prop{
				"azurerm_cognitive_account.oai properties.disableLocalAuth":    {Value: "false", State: model.Defaulted, At: "main.tf:1:1"},
				"azurerm_cognitive_account.oai properties.publicNetworkAccess": {Value: `"Enabled"`, State: model.Defaulted, At: "main.tf:1:1"},
				"azurerm_cognitive_account.oai properties.encryption":          nil,
				"azurerm_cognitive_account.oai kind":                           {Value: `"OpenAI"`, State: model.Set, At: "main.tf:2:3"},
			},
		},
		{
			name: "var files and vars override tfvars in command-line order, and TF_VAR_ sits below them all",
			files: map[string]string{
				"main.tf": `variable "keys" { type = bool }
variable "network" { type = string }
variable "kind" { default = "OpenAI" }
resource "azurerm_cognitive_account" "oai" {
  kind                          = var.kind
  local_auth_enabled            = var.keys
  public_network_access_enabled = var.network == "public"
}
`,
				"terraform.tfvars": "keys = true\nnetwork = \"public\"\n",
				"prod.tfvars":      "keys = false\n",
			},
			env:  map[string]string{"TF_VAR_kind": "AIServices"},
			opts: Options{Inputs: []Input{{Var: "keys=true"}, {File: "prod.tfvars"}, {Var: "network=private"}}},
			want: map[string]*prop{
				"azurerm_cognitive_account.oai properties.disableLocalAuth":    {Value: "true", State: model.Set, At: "main.tf:6:3"},
				"azurerm_cognitive_account.oai properties.publicNetworkAccess": {Value: `"Disabled"`, State: model.Set, At: "main.tf:7:3"},
				"azurerm_cognitive_account.oai kind":                           {Value: `"AIServices"`, State: model.Set, At: "main.tf:5:3"},
			},
		},
		{
			name: "a variable without a value is unknown and says so",
			files: map[string]string{"main.tf": `variable "keys" { type = bool }
resource "azurerm_cognitive_account" "oai" {
  local_auth_enabled = var.keys
}
`},
			want: map[string]*prop{
				"azurerm_cognitive_account.oai properties.disableLocalAuth": {Value: "?", State: model.Unknown, At: "main.tf:3:3", Refs: "var.keys"},
			},
		},
		{
			name: "azapi bodies keep the range of each property, in both forms",
			files: map[string]string{"main.tf": `resource "azapi_resource" "v2" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name = "oai-v2"
  body = {
    kind = "OpenAI"
    properties = {
      disableLocalAuth = true
    }
  }
}
resource "azapi_resource" "v1" {
  type = "Microsoft.CognitiveServices/accounts@2024-10-01"
  body = jsonencode({
    properties = {
      publicNetworkAccess = "Disabled"
    }
  })
}
`},
			want: map[string]*prop{
				"azapi_resource.v2 properties.disableLocalAuth":    {Value: "true", State: model.Set, At: "main.tf:7:7"},
				"azapi_resource.v2 kind":                           {Value: `"OpenAI"`, State: model.Set, At: "main.tf:5:5"},
				"azapi_resource.v2 name":                           {Value: `"oai-v2"`, State: model.Set, At: "main.tf:3:3"},
				"azapi_resource.v1 properties.publicNetworkAccess": {Value: `"Disabled"`, State: model.Set, At: "main.tf:15:7"},
				"azapi_resource.v1 properties.disableLocalAuth":    nil,
			},
		},
		{
			name: "a for expression that drops nulls keeps its known elements",
			files: map[string]string{"main.tf": `resource "random_string" "suffix" {}
resource "azapi_resource" "avm" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  body = { for k, v in {
    properties = { for k, v in {
      customSubDomainName = "oai-${random_string.suffix.result}"
      disableLocalAuth    = true
      restrictOutboundNetworkAccess = null
    } : k => v if v != null }
  } : k => v if v != null }
}
`},
			want: map[string]*prop{
				"azapi_resource.avm properties.disableLocalAuth":              {Value: "true", State: model.Set, At: "main.tf:7:7"},
				"azapi_resource.avm properties.customSubDomainName":           {Value: "?", State: model.Unknown, At: "main.tf:6:7", Refs: "random_string.suffix"},
				"azapi_resource.avm properties.restrictOutboundNetworkAccess": nil,
			},
		},
		{
			name: "count, for_each and module instances get their own addresses and inputs",
			files: map[string]string{
				"main.tf": `module "ai" {
  source   = "./modules/ai"
  for_each = { dev = true, prod = false }
  keys     = each.value
}
resource "azurerm_cognitive_account" "counted" {
  count = 2
  name  = "oai-${count.index}"
}
resource "azurerm_cognitive_account" "none" {
  count = 0
}
`,
				"modules/ai/main.tf": `variable "keys" {}
resource "azurerm_cognitive_account" "this" {
  local_auth_enabled = var.keys
}
`,
			},
			addresses: []string{
				`module.ai["dev"].azurerm_cognitive_account.this`,
				`module.ai["prod"].azurerm_cognitive_account.this`,
				"azurerm_cognitive_account.counted[0]",
				"azurerm_cognitive_account.counted[1]",
			},
			want: map[string]*prop{
				`module.ai["dev"].azurerm_cognitive_account.this properties.disableLocalAuth`:  {Value: "false", State: model.Set, At: "modules/ai/main.tf:3:3"},
				`module.ai["prod"].azurerm_cognitive_account.this properties.disableLocalAuth`: {Value: "true", State: model.Set, At: "modules/ai/main.tf:3:3"},
				"azurerm_cognitive_account.counted[1] name":                                    {Value: `"oai-1"`, State: model.Set, At: "main.tf:8:3"},
			},
		},
		{
			name: "a separate CMK resource patches the instance it names",
			files: map[string]string{"main.tf": `resource "azurerm_cognitive_account" "shard" {
  count = 2
}
resource "azurerm_cognitive_account_customer_managed_key" "first" {
  cognitive_account_id = azurerm_cognitive_account.shard[0].id
  key_vault_key_id     = "https://kv.vault.azure.net/keys/cmk/0123"
}
`},
			addresses: []string{"azurerm_cognitive_account.shard[0]", "azurerm_cognitive_account.shard[1]"},
			want: map[string]*prop{
				"azurerm_cognitive_account.shard[0] properties.encryption.keySource":                  {Value: `"Microsoft.KeyVault"`, State: model.Set, At: "main.tf:4:1"},
				"azurerm_cognitive_account.shard[0] properties.encryption.keyVaultProperties.keyName": {Value: `"cmk"`, State: model.Set, At: "main.tf:6:3"},
				"azurerm_cognitive_account.shard[1] properties.encryption":                            nil,
			},
		},
		{
			name: "a typed map input keeps the references inside it",
			files: map[string]string{
				"main.tf": `resource "azurerm_cognitive_account" "a" {}
resource "azurerm_cognitive_account" "b" {}
module "cmk" {
  source      = "./cmk"
  account_ids = { a = azurerm_cognitive_account.a.id }
}
`,
				"cmk/main.tf": `variable "account_ids" { type = map(string) }
resource "azurerm_cognitive_account_customer_managed_key" "this" {
  for_each             = var.account_ids
  cognitive_account_id = each.value
  key_vault_key_id     = "https://kv.vault.azure.net/keys/cmk"
}
`,
			},
			want: map[string]*prop{
				"azurerm_cognitive_account.a properties.encryption.keySource": {Value: `"Microsoft.KeyVault"`, State: model.Set, At: "cmk/main.tf:2:1"},
				"azurerm_cognitive_account.b properties.encryption":           nil,
			},
		},
		{
			name: "a conditional with a known condition refers to its chosen branch only",
			files: map[string]string{"main.tf": `variable "encrypt_primary" { default = false }
resource "azurerm_cognitive_account" "primary" {}
resource "azurerm_cognitive_account" "secondary" {}
resource "azurerm_cognitive_account_customer_managed_key" "k" {
  cognitive_account_id = var.encrypt_primary ? azurerm_cognitive_account.primary.id : azurerm_cognitive_account.secondary.id
  key_vault_key_id     = "https://kv.vault.azure.net/keys/k"
}
`},
			want: map[string]*prop{
				"azurerm_cognitive_account.primary properties.encryption":             nil,
				"azurerm_cognitive_account.secondary properties.encryption.keySource": {Value: `"Microsoft.KeyVault"`, State: model.Set, At: "main.tf:4:1"},
			},
		},
		{
			name: "try and can keep the references of what they evaluate",
			files: map[string]string{"main.tf": `resource "azurerm_cognitive_account" "a" {}
resource "azurerm_cognitive_account" "b" {
  local_auth_enabled = !can(azurerm_cognitive_account.a.endpoint)
}
resource "azurerm_cognitive_account_customer_managed_key" "k" {
  cognitive_account_id = try(azurerm_cognitive_account.a.id, null)
  key_vault_key_id     = "https://kv.vault.azure.net/keys/k"
}
`},
			want: map[string]*prop{
				"azurerm_cognitive_account.a properties.encryption.keySource": {Value: `"Microsoft.KeyVault"`, State: model.Set, At: "main.tf:5:1"},
				"azurerm_cognitive_account.b properties.encryption":           nil,
				"azurerm_cognitive_account.b properties.disableLocalAuth":     {Value: "?", State: model.Unknown, At: "main.tf:3:3", Refs: "azurerm_cognitive_account.a"},
			},
		},
		{
			name: "a dynamic identity block of an azapi resource gets its iterator",
			files: map[string]string{"main.tf": `resource "azapi_resource" "a" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  dynamic "identity" {
    for_each = ["SystemAssigned"]
    content {
      type = identity.value
    }
  }
}
`},
			want: map[string]*prop{
				"azapi_resource.a identity.type": {Value: `"SystemAssigned"`, State: model.Set, At: "main.tf:6:7"},
			},
		},
		{
			name: "terraform.workspace is the selected workspace",
			files: map[string]string{
				"main.tf": `locals {
  keys = { default = true, prod = false }
}
resource "azurerm_cognitive_account" "a" {
  local_auth_enabled = local.keys[terraform.workspace]
}
`,
				".terraform/environment": "prod\n",
			},
			want: map[string]*prop{
				"azurerm_cognitive_account.a properties.disableLocalAuth": {Value: "true", State: model.Set, At: "main.tf:5:3"},
			},
		},
		{
			name: "TF_WORKSPACE wins over the selected workspace",
			files: map[string]string{
				"main.tf": `locals {
  keys = { default = true, prod = false, dev = true }
}
resource "azurerm_cognitive_account" "a" {
  local_auth_enabled = local.keys[terraform.workspace]
}
`,
				".terraform/environment": "prod\n",
			},
			env: map[string]string{"TF_WORKSPACE": "dev"},
			want: map[string]*prop{
				"azurerm_cognitive_account.a properties.disableLocalAuth": {Value: "false", State: model.Set, At: "main.tf:5:3"},
			},
		},
		{
			name: "merge keeps the range of the literal that wrote each key",
			files: map[string]string{"main.tf": `locals {
  base = { kind = "OpenAI", properties = { disableLocalAuth = true } }
}
resource "azapi_resource" "a" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  body = merge(local.base, {
    properties = {
      disableLocalAuth = false
    }
  })
}
`},
			want: map[string]*prop{
				"azapi_resource.a properties.disableLocalAuth": {Value: "false", State: model.Set, At: "main.tf:8:7"},
				"azapi_resource.a kind":                        {Value: `"OpenAI"`, State: model.Set, At: "main.tf:6:3"},
			},
		},
		{
			name: "ephemeral resources are known only at deployment, and terraform.applying is false",
			files: map[string]string{"main.tf": `ephemeral "azurerm_key_vault_secret" "key" {
  name = "openai-key"
}
resource "azurerm_cognitive_account" "a" {
  custom_subdomain_name = ephemeral.azurerm_key_vault_secret.key.value
  local_auth_enabled    = terraform.applying
}
`},
			want: map[string]*prop{
				"azurerm_cognitive_account.a properties.customSubDomainName": {Value: "?", State: model.Unknown, At: "main.tf:5:3", Refs: "ephemeral.azurerm_key_vault_secret.key"},
				"azurerm_cognitive_account.a properties.disableLocalAuth":    {Value: "true", State: model.Set, At: "main.tf:6:3"},
			},
		},
		{
			name: "a count past the limit is evaluated once, as an unknown count",
			files: map[string]string{"main.tf": `resource "azurerm_cognitive_account" "many" {
  count = 100000
  name  = "oai-${count.index}"
}
`},
			addresses: []string{"azurerm_cognitive_account.many"},
			want: map[string]*prop{
				"azurerm_cognitive_account.many name": {Value: "?", State: model.Unknown, At: "main.tf:3:3"},
			},
		},
		{
			name: "TF_VAR_ values of complex types are read as HCL",
			files: map[string]string{"main.tf": `variable "settings" {
  type = object({ keys = bool })
}
resource "azurerm_cognitive_account" "a" {
  local_auth_enabled = var.settings.keys
}
`},
			env: map[string]string{"TF_VAR_settings": "{ keys = false }"},
			want: map[string]*prop{
				"azurerm_cognitive_account.a properties.disableLocalAuth": {Value: "true", State: model.Set, At: "main.tf:5:3"},
			},
		},
		{
			name: "a count given as a string is a number",
			files: map[string]string{"main.tf": `variable "replicas" {}
resource "azurerm_cognitive_account" "r" {
  count = var.replicas
  name  = "oai-${count.index}"
}
`},
			opts:      Options{Inputs: []Input{{Var: "replicas=2"}}},
			addresses: []string{"azurerm_cognitive_account.r[0]", "azurerm_cognitive_account.r[1]"},
		},
		{
			name: "dynamic blocks expand, and an empty for_each leaves the block out",
			files: map[string]string{"main.tf": `resource "azurerm_cognitive_account" "acl" {
  dynamic "network_acls" {
    for_each = ["Deny"]
    content {
      default_action = network_acls.value
      ip_rules       = ["10.0.0.0/24"]
    }
  }
}
resource "azurerm_cognitive_account" "open" {
  dynamic "network_acls" {
    for_each = []
    content {
      default_action = "Deny"
    }
  }
}
`},
			want: map[string]*prop{
				"azurerm_cognitive_account.acl properties.networkAcls.defaultAction": {Value: `"Deny"`, State: model.Set, At: "main.tf:5:7"},
				"azurerm_cognitive_account.acl properties.networkAcls.ipRules":       {Value: `[{"value":"10.0.0.0/24"}]`, State: model.Set, At: "main.tf:6:7"},
				"azurerm_cognitive_account.open properties.networkAcls":              nil,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range tt.files {
				path := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			opts := tt.opts
			for i, in := range opts.Inputs {
				if in.File != "" {
					opts.Inputs[i].File = filepath.Join(dir, in.File)
				}
			}
			res := Load([]string{dir}, opts)
			if res.Diagnostics.HasErrors() {
				t.Fatalf("diagnostics: %s", res.Diagnostics.Error())
			}
			byAddress := map[string]*model.Resource{}
			var addresses []string
			for _, r := range res.Resources {
				byAddress[r.Address] = r
				addresses = append(addresses, r.Address)
			}
			if tt.addresses != nil {
				if diff := cmp.Diff(tt.addresses, addresses); diff != "" {
					t.Errorf("addresses (-want +got):\n%s", diff)
				}
			}
			for key, want := range tt.want {
				var address, path string
				if _, err := fmt.Sscan(key, &address, &path); err != nil {
					t.Fatal(err)
				}
				r := byAddress[address]
				if r == nil {
					t.Errorf("%s: no such resource among %v", address, addresses)
					continue
				}
				got := describeProp(dir, r.Get(path))
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s (-want +got):\n%s", key, diff)
				}
			}
		})
	}
}

func describeProp(dir string, v *model.Value) *prop {
	if v == nil {
		return nil
	}
	rel, _ := filepath.Rel(dir, v.Range.Filename)
	p := &prop{Value: model.JSONText(v.Cty()), State: v.State, At: fmt.Sprintf("%s:%d:%d", filepath.ToSlash(rel), v.Range.Start.Line, v.Range.Start.Column)}
	for i, r := range v.Refs {
		if i > 0 {
			p.Refs += ","
		}
		p.Refs += r.Address
	}
	return p
}

// TestModuleCycles checks that folders that only call each other are still scanned, once, and that the
// cycle is reported where it closes.
func TestModuleCycles(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"self/main.tf": "module \"self\" {\n  source = \"./\"\n}\nresource \"azurerm_cognitive_account\" \"x\" {}\n",
		"a/main.tf":    "module \"b\" {\n  source = \"../b\"\n}\nresource \"azurerm_cognitive_account\" \"a\" {}\n",
		"b/main.tf":    "module \"a\" {\n  source = \"../a\"\n}\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	res := Load([]string{filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "self")}, Options{})
	var addresses, warnings []string
	for _, r := range res.Resources {
		addresses = append(addresses, r.Address)
	}
	for _, d := range res.Diagnostics {
		rel, _ := filepath.Rel(dir, d.Subject.Filename)
		warnings = append(warnings, fmt.Sprintf("%s:%d %s", filepath.ToSlash(rel), d.Subject.Start.Line, d.Summary))
	}
	if diff := cmp.Diff([]string{"azurerm_cognitive_account.a", "azurerm_cognitive_account.x"}, addresses); diff != "" {
		t.Errorf("resources (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"b/main.tf:1 Module cycle", "self/main.tf:1 Module cycle"}, warnings); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestEvaluationErrorsAreWarnings checks that a value that fails to evaluate is reported, as a warning
// where it fails, and left unknown rather than taken for unset.
func TestEvaluationErrorsAreWarnings(t *testing.T) {
	dir := t.TempDir()
	src := "variable \"keys\" { default = true }\nresource \"azurerm_cognitive_account\" \"a\" {\n  local_auth_enabled = var.kyes\n  custom_subdomain_name = provider::azapi::build_resource_id(\"x\")\n}\nresource \"azurerm_cognitive_account\" \"none\" {\n  for_each = null\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	res := Load([]string{dir}, Options{})
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, fmt.Sprintf("%d:%d %s %s", d.Subject.Start.Line, d.Subject.Start.Column, severityName(d.Severity), d.Summary))
	}
	if diff := cmp.Diff([]string{"7:14 warning Null for_each", "3:27 warning Unsupported attribute"}, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if v := res.Resources[0].Get("properties.disableLocalAuth"); v == nil || v.State != model.Unknown {
		t.Errorf("the failed value is %v, want unknown", v)
	}
}

func severityName(s hcl.DiagnosticSeverity) string {
	if s == hcl.DiagError {
		return "error"
	}
	return "warning"
}

// TestBrokenManifest checks that a modules.json that cannot be read is reported, not taken for "nothing
// downloaded".
func TestBrokenManifest(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, ".terraform", "modules"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".terraform", "modules", "modules.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte("module \"ai\" {\n  source = \"Azure/ai/azurerm\"\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range Load([]string{dir}, Options{}).Diagnostics {
		rel, _ := filepath.Rel(dir, d.Subject.Filename)
		got = append(got, filepath.ToSlash(rel)+" "+d.Summary)
	}
	want := []string{".terraform/modules/modules.json Cannot read modules.json", "main.tf Remote module skipped"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
