package config

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func finding(root, file string, line int, rule, resource, property string) model.Finding {
	return model.Finding{
		RuleID:   rule,
		Range:    hcl.Range{Filename: filepath.Join(root, filepath.FromSlash(file)), Start: hcl.Pos{Line: line, Column: 3}},
		Resource: resource,
		Property: property,
	}
}

// TestWriteBaseline pins the file format: versioned, sorted by file, resource, rule and property,
// repository-relative forward-slash names, counts instead of repeated entries, no line numbers.
func TestWriteBaseline(t *testing.T) {
	root := t.TempDir()
	findings := []model.Finding{
		finding(root, "infra/main.tf", 9, "AIG201", "azurerm_cognitive_account.oai", "properties.disableLocalAuth"),
		finding(root, "infra/main.tf", 2, "AIG101", "azurerm_cognitive_account.oai", "properties.publicNetworkAccess"),
		finding(root, "arm/azuredeploy.json", 7, "AIG301", "Microsoft.CognitiveServices/accounts/oai", ""),
		finding(root, "arm/azuredeploy.json", 7, "AIG301", "Microsoft.CognitiveServices/accounts/oai", ""),
	}
	var out bytes.Buffer
	if err := WriteBaseline(&out, root, findings); err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 1,
  "findings": [
    {
      "rule": "AIG301",
      "file": "arm/azuredeploy.json",
      "resource": "Microsoft.CognitiveServices/accounts/oai",
      "count": 2
    },
    {
      "rule": "AIG101",
      "file": "infra/main.tf",
      "resource": "azurerm_cognitive_account.oai",
      "property": "properties.publicNetworkAccess",
      "count": 1
    },
    {
      "rule": "AIG201",
      "file": "infra/main.tf",
      "resource": "azurerm_cognitive_account.oai",
      "property": "properties.disableLocalAuth",
      "count": 1
    }
  ]
}
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("baseline differs (-want +got):\n%s", diff)
	}

	var empty bytes.Buffer
	if err := WriteBaseline(&empty, root, nil); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"version\": 1,\n  \"findings\": []\n}\n"; empty.String() != want {
		t.Errorf("empty baseline:\n%s", empty.String())
	}
}

func TestBaselineFilter(t *testing.T) {
	root := t.TempDir()
	known := []model.Finding{
		finding(root, "main.tf", 2, "AIG101", "azurerm_cognitive_account.a", "properties.publicNetworkAccess"),
		finding(root, "main.tf", 2, "AIG201", "azurerm_cognitive_account.a", "properties.disableLocalAuth"),
		finding(root, "main.json", 7, "AIG301", "Microsoft.CognitiveServices/accounts/x", ""),
	}
	base := readBack(t, root, known)
	tests := []struct {
		name      string
		findings  []model.Finding
		fresh     []string
		baselined int
	}{
		{"the same findings are all known", known, nil, 3},
		{"lines moved down are still known", []model.Finding{
			finding(root, "main.tf", 40, "AIG101", "azurerm_cognitive_account.a", "properties.publicNetworkAccess"),
			finding(root, "main.tf", 41, "AIG201", "azurerm_cognitive_account.a", "properties.disableLocalAuth"),
		}, nil, 2},
		{"a new resource, rule, property or file is new", []model.Finding{
			finding(root, "main.tf", 2, "AIG101", "azurerm_cognitive_account.b", "properties.publicNetworkAccess"),
			finding(root, "main.tf", 2, "AIG301", "azurerm_cognitive_account.a", ""),
			finding(root, "main.tf", 2, "AIG101", "azurerm_cognitive_account.a", "properties.networkAcls.defaultAction"),
			finding(root, "other/main.tf", 2, "AIG101", "azurerm_cognitive_account.a", "properties.publicNetworkAccess"),
		}, []string{
			"main.tf:2 AIG101 azurerm_cognitive_account.b",
			"main.tf:2 AIG301 azurerm_cognitive_account.a",
			"main.tf:2 AIG101 azurerm_cognitive_account.a",
			"other/main.tf:2 AIG101 azurerm_cognitive_account.a",
		}, 0},
		{"a second finding with a known key is new, the later one", []model.Finding{
			finding(root, "main.json", 7, "AIG301", "Microsoft.CognitiveServices/accounts/x", ""),
			finding(root, "main.json", 30, "AIG301", "Microsoft.CognitiveServices/accounts/x", ""),
		}, []string{"main.json:30 AIG301 Microsoft.CognitiveServices/accounts/x"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fresh, baselined := base.Filter(tt.findings)
			var got []string
			for _, f := range fresh {
				rel, _ := filepath.Rel(root, f.Range.Filename)
				got = append(got, fmt.Sprintf("%s:%d %s %s", filepath.ToSlash(rel), f.Range.Start.Line, f.RuleID, f.Resource))
			}
			if diff := cmp.Diff(tt.fresh, got); diff != "" || baselined != tt.baselined {
				t.Errorf("baselined %d, want %d; new findings differ (-want +got):\n%s", baselined, tt.baselined, diff)
			}
		})
	}
	var none *Baseline
	if fresh, n := none.Filter(known); len(fresh) != 3 || n != 0 {
		t.Errorf("no baseline held %d findings", n)
	}
}

func readBack(t *testing.T, root string, findings []model.Finding) *Baseline {
	t.Helper()
	var out bytes.Buffer
	if err := WriteBaseline(&out, root, findings); err != nil {
		t.Fatal(err)
	}
	base, diags := ReadBaseline(writeFile(t, t.TempDir(), "baseline.json", out.String()), root)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return base
}

func TestReadBaselineErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"syntax", "{\n  \"version\": 1,\n  \"findings\": [\n}\n", "4:1 The file is not valid JSON: invalid character '}' looking for beginning of value."},
		{"type", "{\"version\": \"1\"}", "1:15 version must be of type int, not string."},
		{"unknown field", "{\"version\": 1, \"line\": 3}", `1:26 The file is not a baseline: unknown field "line".`},
		{"version", "{\n  \"version\": 2,\n  \"findings\": []\n}", "2:3 This aigate reads baselines of version 1, not 2; create the baseline again with --create-baseline."},
		{"entry", `{"version": 1, "findings": [{"rule": "AIG101", "file": "a.tf", "count": 0}]}`, "1:1 Entry 1 of findings needs a rule, a file and a count of at least 1."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "baseline.json", tt.src)
			_, diags := ReadBaseline(path, ".")
			if len(diags) != 1 || diags[0].Subject == nil || diags[0].Subject.Filename != path {
				t.Fatalf("want one error in the file, got %v", diags)
			}
			d := diags[0]
			if got := fmt.Sprintf("%d:%d %s", d.Subject.Start.Line, d.Subject.Start.Column, d.Detail); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	if _, diags := ReadBaseline(filepath.Join(t.TempDir(), "missing.json"), "."); !diags.HasErrors() {
		t.Error("a missing baseline is no error")
	}
}
