package scan_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/config"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/scan"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// suppressionCase is a small tree scanned whole, and exactly what must come out: the findings left
// ("file:line RULE"), the findings suppressed ("file:line RULE by file:line" of the ignore) and the
// notices ("file:line Summary"). File names are relative to the tree.
type suppressionCase struct {
	name  string
	files map[string]string
	// config is the .aigate.yml to write and load, if any.
	config string
	// rules are the IDs of the rules to run; nil runs them all.
	rules                         []string
	findings, suppressed, notices []string
}

func (c suppressionCase) run(t *testing.T) *scan.Result {
	t.Helper()
	dir := t.TempDir()
	for name, content := range c.files {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	opts := scan.Options{Paths: []string{dir}}
	if c.config != "" {
		path := filepath.Join(dir, config.FileName)
		write(t, path, c.config)
		cfg, diags := config.Load(path)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		opts.Config = cfg
	}
	for _, id := range c.rules {
		r, ok := checks.Builtin().Lookup(id)
		if !ok {
			t.Fatalf("no rule %s", id)
		}
		opts.Rules = append(opts.Rules, r)
	}
	res, err := scan.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	at := func(r hcl.Range) string {
		rel, err := filepath.Rel(dir, r.Filename)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%s:%d", filepath.ToSlash(rel), r.Start.Line)
	}
	var findings, suppressed, notices []string
	for _, f := range res.Findings {
		findings = append(findings, at(f.Range)+" "+f.RuleID)
	}
	for _, s := range res.Suppressed {
		suppressed = append(suppressed, fmt.Sprintf("%s %s by %s", at(s.Finding.Range), s.Finding.RuleID, at(s.By)))
	}
	for _, d := range res.Notices {
		if d.Severity != hcl.DiagWarning {
			t.Errorf("a notice must never fail the run: %s", d.Error())
		}
		notices = append(notices, at(*d.Subject)+" "+d.Summary)
	}
	if diff := cmp.Diff(c.findings, findings); diff != "" {
		t.Errorf("findings differ (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(c.suppressed, suppressed); diff != "" {
		t.Errorf("suppressed findings differ (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(c.notices, notices); diff != "" {
		t.Errorf("notices differ (-want +got):\n%s\n%s", diff, res.Notices.Error())
	}
	return res
}

// account is an Azure OpenAI account left to the provider's defaults, which fails AIG101, AIG201 and
// AIG301 on its header (line 1 of the snippet). extra lines go in after sku_name, from line 7 on.
func account(name string, extra ...string) string {
	lines := []string{
		`resource "azurerm_cognitive_account" "` + name + `" {`,
		`  name                = "` + name + `"`,
		`  location            = "westeurope"`,
		`  resource_group_name = "rg"`,
		`  kind                = "OpenAI"`,
		`  sku_name            = "S0"`,
	}
	return strings.Join(append(append(lines, extra...), "}"), "\n") + "\n"
}

func TestTerraformIgnores(t *testing.T) {
	tests := []suppressionCase{
		{
			name:       "on the finding's line",
			files:      map[string]string{"main.tf": account("oai", `  local_auth_enabled  = true # aigate:ignore:AIG201 -- the legacy app signs with keys`)},
			findings:   []string{"main.tf:1 AIG101", "main.tf:1 AIG301"},
			suppressed: []string{"main.tf:7 AIG201 by main.tf:7"},
		},
		{
			name: "on the line above the attribute",
			files: map[string]string{"main.tf": account("oai",
				`  // aigate:ignore:AIG201`,
				`  local_auth_enabled  = true`)},
			findings:   []string{"main.tf:1 AIG101", "main.tf:1 AIG301"},
			suppressed: []string{"main.tf:8 AIG201 by main.tf:7"},
		},
		{
			name: "on the line above the resource, for its attributes too",
			files: map[string]string{"main.tf": "# aigate:ignore:AIG201 aigate:ignore:AIG101 -- internal test account\n" +
				account("oai", `  local_auth_enabled  = true`)},
			findings:   []string{"main.tf:2 AIG301"},
			suppressed: []string{"main.tf:2 AIG101 by main.tf:1", "main.tf:8 AIG201 by main.tf:1"},
		},
		{
			name:       "on the resource header",
			files:      map[string]string{"main.tf": strings.Replace(account("oai"), "{", "{ /* aigate:ignore:AIG301 */", 1)},
			findings:   []string{"main.tf:1 AIG101", "main.tf:1 AIG201"},
			suppressed: []string{"main.tf:1 AIG301 by main.tf:1"},
		},
		{
			name: "a resource's ignore leaves its neighbour alone",
			files: map[string]string{"main.tf": "# aigate:ignore:AIG301\n" + account("a") +
				account("b", `  local_auth_enabled  = true # aigate:ignore:AIG301`)},
			findings: []string{
				"main.tf:2 AIG101", "main.tf:2 AIG201",
				"main.tf:9 AIG101", "main.tf:9 AIG301", "main.tf:15 AIG201",
			},
			suppressed: []string{"main.tf:2 AIG301 by main.tf:1"},
			notices:    []string{"main.tf:15 Unused ignore"},
		},
		{
			name:     "an expired ignore stops suppressing and is reported",
			files:    map[string]string{"main.tf": "# aigate:ignore:AIG101:exp:2000-01-01 -- until the private endpoint lands\n" + account("oai")},
			findings: []string{"main.tf:2 AIG101", "main.tf:2 AIG201", "main.tf:2 AIG301"},
			notices:  []string{"main.tf:1 Expired ignore"},
		},
		{
			name:       "an ignore that has not expired suppresses",
			files:      map[string]string{"main.tf": "# aigate:ignore:AIG101:exp:2999-01-01\n" + account("oai")},
			findings:   []string{"main.tf:2 AIG201", "main.tf:2 AIG301"},
			suppressed: []string{"main.tf:2 AIG101 by main.tf:1"},
		},
		{
			name:     "a wildcard, an unknown rule and a comma list suppress nothing and are reported",
			files:    map[string]string{"main.tf": "# aigate:ignore:* aigate:ignore:AIG999 aigate:ignore:AIG101,AIG201\n" + account("oai")},
			findings: []string{"main.tf:2 AIG101", "main.tf:2 AIG201", "main.tf:2 AIG301"},
			notices:  []string{"main.tf:1 Ignore refused", "main.tf:1 Unknown rule", "main.tf:1 Malformed ignore"},
		},
		{
			name: "an ignore that suppresses nothing is reported",
			files: map[string]string{"main.tf": account("oai",
				`  local_auth_enabled  = false # aigate:ignore:AIG201`)},
			findings: []string{"main.tf:1 AIG101", "main.tf:1 AIG301"},
			notices:  []string{"main.tf:7 Unused ignore"},
		},
		{
			name:     "an ignore separated from the resource by a blank line covers nothing",
			files:    map[string]string{"main.tf": "# aigate:ignore:AIG101\n\n" + account("oai")},
			findings: []string{"main.tf:3 AIG101", "main.tf:3 AIG201", "main.tf:3 AIG301"},
			notices:  []string{"main.tf:1 Unused ignore"},
		},
		{
			name:     "a rule that did not run leaves its ignores unjudged",
			files:    map[string]string{"main.tf": "# aigate:ignore:AIG201\n" + account("oai", `  local_auth_enabled  = false`)},
			rules:    []string{"AIG101"},
			findings: []string{"main.tf:2 AIG101"},
		},
		{
			name: "a folder with a file that did not parse leaves its ignores unjudged",
			files: map[string]string{
				"main.tf":   "# aigate:ignore:AIG201\n" + account("oai", `  local_auth_enabled  = false`),
				"broken.tf": "resource \"azurerm_cognitive_account\" \"x\" {\n  kind = \n",
			},
			findings: []string{"main.tf:2 AIG101", "main.tf:2 AIG301"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t) })
	}
}

// armTemplate wraps resources in a deployment template; the first resource's { is on line 5.
func armTemplate(resources ...string) string {
	return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
` + strings.Join(resources, ",\n") + `
  ]
}
`
}

// armAccount is an account whose "type" is on the line after its {; extra members go in after sku,
// from the eighth line of the snippet on.
func armAccount(name string, extra ...string) string {
	return strings.Join(append([]string{
		`    {`,
		`      "type": "Microsoft.CognitiveServices/accounts",`,
		`      "apiVersion": "2025-06-01",`,
		`      "name": "` + name + `",`,
		`      "location": "swedencentral",`,
		`      "kind": "OpenAI",`,
		`      "sku": { "name": "S0" },`,
	}, append(extra, `      "tags": {}`, `    }`)...), "\n")
}

func TestARMIgnores(t *testing.T) {
	tests := []suppressionCase{
		{
			name: "metadata of the resource",
			files: map[string]string{"azuredeploy.json": armTemplate(armAccount("oai",
				`      "metadata": { "aigate": { "ignore": ["AIG301 -- Microsoft-managed keys accepted in dev", "AIG201:exp:2999-01-01"] } },`,
				`      "properties": { "disableLocalAuth": false },`))},
			findings: []string{"azuredeploy.json:6 AIG101"},
			suppressed: []string{
				"azuredeploy.json:6 AIG301 by azuredeploy.json:12",
				"azuredeploy.json:13 AIG201 by azuredeploy.json:12",
			},
		},
		{
			name: "JSONC comments above the object, above the type and on the finding's line",
			files: map[string]string{"azuredeploy.json": armTemplate(
				"    // aigate:ignore:AIG101 -- behind the firewall\n"+armAccount("a",
					`      "properties": { "disableLocalAuth": false }, // aigate:ignore:AIG201`),
				strings.Replace(armAccount("b"), `      "type"`, "      /* aigate:ignore:AIG301 */\n      \"type\"", 1))},
			findings: []string{"azuredeploy.json:7 AIG301", "azuredeploy.json:18 AIG101", "azuredeploy.json:18 AIG201"},
			suppressed: []string{
				"azuredeploy.json:7 AIG101 by azuredeploy.json:5",
				"azuredeploy.json:13 AIG201 by azuredeploy.json:13",
				"azuredeploy.json:18 AIG301 by azuredeploy.json:17",
			},
		},
		{
			name: "metadata entries that are malformed, unknown, expired or unused are reported",
			files: map[string]string{"azuredeploy.json": armTemplate(
				armAccount("oai",
					`      "metadata": { "aigate": { "ignore": ["AIG999", "AIG101:exp:2000-01-01", 7, "*", "AIG201 AIG301"] } },`,
					`      "properties": { "disableLocalAuth": true },`),
				armAccount("other", `      "metadata": { "aigate": { "ignore": "AIG101" } },`))},
			findings: []string{
				"azuredeploy.json:6 AIG101", "azuredeploy.json:6 AIG301",
				"azuredeploy.json:17 AIG101", "azuredeploy.json:17 AIG201", "azuredeploy.json:17 AIG301",
			},
			notices: []string{
				"azuredeploy.json:12 Unknown rule",
				"azuredeploy.json:12 Expired ignore",
				"azuredeploy.json:12 Malformed ignore",
				"azuredeploy.json:12 Ignore refused",
				"azuredeploy.json:12 Malformed ignore",
				"azuredeploy.json:23 Malformed ignore",
			},
		},
		{
			name: "metadata ignores cover their resource only",
			files: map[string]string{"azuredeploy.json": armTemplate(
				armAccount("a", `      "metadata": { "aigate": { "ignore": ["AIG101", "AIG201", "AIG301"] } },`),
				armAccount("b"))},
			findings: []string{"azuredeploy.json:16 AIG101", "azuredeploy.json:16 AIG201", "azuredeploy.json:16 AIG301"},
			suppressed: []string{
				"azuredeploy.json:6 AIG101 by azuredeploy.json:12",
				"azuredeploy.json:6 AIG201 by azuredeploy.json:12",
				"azuredeploy.json:6 AIG301 by azuredeploy.json:12",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t) })
	}
}

func TestBicepIgnores(t *testing.T) {
	tests := []suppressionCase{
		{
			name: "above the decorators, on the header and above the attribute",
			files: map[string]string{"main.bicep": `// aigate:ignore:AIG101 -- behind the firewall
@description('the account')
resource oai 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // aigate:ignore:AIG301:exp:2999-01-01
  name: 'oai'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    /* aigate:ignore:AIG201 -- the legacy app signs with keys */
    disableLocalAuth: false
  }
}
`},
			suppressed: []string{
				"main.bicep:3 AIG101 by main.bicep:1",
				"main.bicep:3 AIG301 by main.bicep:3",
				"main.bicep:12 AIG201 by main.bicep:11",
			},
		},
		{
			name: "expired and unused ignores are reported",
			files: map[string]string{"main.bicep": `resource oai 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // aigate:ignore:AIG101:exp:2000-01-01
  name: 'oai'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    disableLocalAuth: true // aigate:ignore:AIG201
  }
}
`},
			findings: []string{"main.bicep:1 AIG101", "main.bicep:1 AIG301"},
			notices:  []string{"main.bicep:1 Expired ignore", "main.bicep:9 Unused ignore"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t) })
	}
}

func TestConfigFile(t *testing.T) {
	tt := suppressionCase{
		files: map[string]string{
			"main.tf":            strings.Replace(account("oai"), "{", "{ # aigate:ignore:AIG101", 1),
			"legacy/main.tf":     account("old"),
			"examples/broken.tf": "resource \"azurerm_cognitive_account\" \"x\" {\n  kind = \n",
		},
		config: `exclude_paths: [examples/**]
rules:
  AIG101: {enabled: false}
  AIG201: {severity: critical}
  AIG998: {severity: low}
ignore:
  - rule: AIG301
    path: legacy/**
    reason: the legacy stack retires in Q3
  - rule: AIG201
    resource: azurerm_cognitive_account.nothing*
  - rule: AIG201
    path: legacy/**
    expires: 2000-01-01
  - rule: AIG999
  - rule: AIG101
    path: nowhere/**
`,
		// AIG101 is disabled: its findings go, and its ignores are not judged.
		findings:   []string{"legacy/main.tf:1 AIG201", "main.tf:1 AIG201", "main.tf:1 AIG301"},
		suppressed: []string{"legacy/main.tf:1 AIG301 by .aigate.yml:7"},
		notices: []string{
			".aigate.yml:5 Unknown rule",
			".aigate.yml:10 Unused ignore",
			".aigate.yml:12 Expired ignore",
			".aigate.yml:15 Unknown rule",
		},
	}
	res := tt.run(t)
	if len(res.Diagnostics) > 0 {
		t.Errorf("the excluded folder was scanned: %s", res.Diagnostics.Error())
	}
	for _, f := range res.Findings {
		if f.RuleID == "AIG201" && f.Severity != model.Critical {
			t.Errorf("%s kept severity %s; the config raises it to critical", f.RuleID, f.Severity)
		}
	}
}

// TestBaseline creates a baseline on a tree, then checks that it makes the same tree clean, that it
// survives lines inserted above the findings, and that a new finding shows through.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "infra", "main.tf")
	original := account("a") + account("b", `  local_auth_enabled  = true`)
	write(t, main, original)
	scanTree := func(base *config.Baseline) *scan.Result {
		t.Helper()
		res, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}, Baseline: base})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}

	first := scanTree(nil)
	if len(first.Findings) != 6 {
		t.Fatalf("want 6 findings to baseline, got %d", len(first.Findings))
	}
	var out bytes.Buffer
	if err := config.WriteBaseline(&out, dir, first.Findings); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	write(t, path, out.String())
	base, diags := config.ReadBaseline(path, dir)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}

	if res := scanTree(base); len(res.Findings) != 0 || res.Baselined != 6 {
		t.Errorf("the tree the baseline was made on: %d findings left, %d baselined; want 0 and 6", len(res.Findings), res.Baselined)
	}

	write(t, main, "# Lines inserted above every finding.\n\nlocals {\n  region = \"westeurope\"\n}\n\n"+original)
	if moved := scanTree(nil); moved.Findings[0].Range.Start.Line == first.Findings[0].Range.Start.Line {
		t.Fatal("the findings did not move")
	}
	if res := scanTree(base); len(res.Findings) != 0 || res.Baselined != 6 {
		t.Errorf("after lines were inserted: %d findings left, %d baselined; want 0 and 6", len(res.Findings), res.Baselined)
	}

	write(t, main, original+account("c"))
	res := scanTree(base)
	var fresh []string
	for _, f := range res.Findings {
		fresh = append(fresh, f.Resource+" "+f.RuleID)
	}
	want := []string{"azurerm_cognitive_account.c AIG101", "azurerm_cognitive_account.c AIG201", "azurerm_cognitive_account.c AIG301"}
	if diff := cmp.Diff(want, fresh); diff != "" || res.Baselined != 6 {
		t.Errorf("after a resource was added: %d baselined, want 6; new findings differ (-want +got):\n%s", res.Baselined, diff)
	}
}
