package config

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
)

func TestLoad(t *testing.T) {
	path := writeFile(t, t.TempDir(), FileName, `# Every key, as a team would write them.
severity: High
unknown: fail
exclude_paths: ["examples/**", "*.test.tf"]
rules:
  AIG101: {enabled: false}
  aig201:
    severity: critical
ignore:
  - rule: AIG301
    path: infra/legacy/**
    resource: azurerm_cognitive_account.*
    reason: CMK rollout in Q3
    expires: 2026-12-31
  - rule: AIG101
approved_models:
  - gpt-4o
  - {format: OpenAI, name: gpt-4o-mini, version: "2024-07-18"}
custom_rules: [rules/*.yml]
`)
	cfg, diags := Load(path)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	at := func(line, column, endColumn int) hcl.Range {
		return hcl.Range{Filename: path, Start: hcl.Pos{Line: line, Column: column}, End: hcl.Pos{Line: line, Column: endColumn}}
	}
	want := Config{
		Path:         path,
		Severity:     model.High,
		Unknown:      "fail",
		ExcludePaths: []string{"examples/**", "*.test.tf"},
		Rules: map[string]RuleSettings{
			"AIG101": {Disabled: true, Range: at(6, 3, 9)},
			"AIG201": {Severity: model.Critical, Range: at(7, 3, 9)},
		},
		Ignores: []Ignore{
			{Rule: "AIG301", Path: "infra/legacy/**", Resource: "azurerm_cognitive_account.*", Reason: "CMK rollout in Q3",
				Expires: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), Range: at(10, 5, 5)},
			{Rule: "AIG101", Range: at(15, 5, 5)},
		},
		ApprovedModels: []ApprovedModel{
			{Name: "gpt-4o", Range: at(17, 5, 11)},
			{Format: "OpenAI", Name: "gpt-4o-mini", Version: "2024-07-18", Range: at(18, 5, 5)},
		},
		CustomRules: []string{"rules/*.yml"},
	}
	if diff := cmp.Diff(want, cfg, cmpopts.IgnoreUnexported(Ignore{}), cmpopts.IgnoreFields(hcl.Pos{}, "Byte")); diff != "" {
		t.Errorf("config differs (-want +got):\n%s", diff)
	}
}

func TestLoadEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n", "~\n", "{}\n"} {
		cfg, diags := Load(writeFile(t, t.TempDir(), FileName, src))
		if len(diags) > 0 || cfg.Severity != 0 || cfg.Rules != nil || cfg.Ignores != nil {
			t.Errorf("%q: got %+v, %s", src, cfg, diags.Error())
		}
	}
}

// TestLoadErrors pins each error's position (line:column-end column) and summary.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown key", "severity: low\nignores: []\n", []string{"2:1-8 Unknown key"}},
		{"duplicate key", "severity: low\nseverity: high\n", []string{"2:1-9 Duplicate key"}},
		{"not a mapping", "- severity\n", []string{"1:1-1 Mapping expected"}},
		{"yaml syntax", "severity: low\nrules: [\n", []string{"2:1-1 Invalid YAML"}},
		{"severity", "severity: urgent\n", []string{"1:11-17 Invalid severity"}},
		{"severity not a scalar", "severity: [high]\n", []string{"1:11-11 Value expected"}},
		{"unknown policy", "unknown: 'maybe'\n", []string{"1:10-17 Invalid unknown policy"}},
		{"exclude pattern", "exclude_paths:\n  - \"a/[b\"\n", []string{"2:5-11 Invalid pattern"}},
		{"exclude not a list", "exclude_paths: examples\n", []string{"1:16-24 List expected"}},
		{"rule ID", "rules:\n  AIG1: {enabled: false}\n  XYZ101: {}\n", []string{"2:3-7 Invalid rule ID", "3:3-9 Invalid rule ID"}},
		{"rule setting", "rules:\n  AIG101: {enable: false}\n", []string{"2:12-18 Unknown key"}},
		{"rule enabled", "rules:\n  AIG101: {enabled: 'no'}\n", []string{"2:21-25 Invalid value"}},
		{"rule severity", "rules:\n  AIG101:\n    severity: severe\n", []string{"3:15-21 Invalid severity"}},
		{"rule twice", "rules:\n  AIG101: {}\n  aig101: {}\n", []string{"3:3-9 Duplicate key"}},
		{"ignore without rule", "ignore:\n  - path: a.tf\n", []string{"2:5-5 Rule expected"}},
		{"ignore wildcard", "ignore:\n  - rule: '*'\n", []string{"2:11-14 Rule expected"}},
		{"ignore bad rule", "ignore:\n  - rule: AIG10x\n", []string{"2:11-17 Invalid rule ID"}},
		{"ignore date", "ignore:\n  - rule: AIG101\n    expires: 31/12/2026\n", []string{"3:14-24 Invalid date"}},
		{"ignore key", "ignore:\n  - rule: AIG101\n    until: 2026-12-31\n", []string{"3:5-10 Unknown key"}},
		{"ignore path", "ignore:\n  - rule: AIG101\n    path: 'a/{b'\n", []string{"3:11-17 Invalid pattern"}},
		{"ignore entry not a mapping", "ignore:\n  - AIG101\n", []string{"2:5-11 Mapping expected"}},
		{"model without name", "approved_models:\n  - {format: OpenAI}\n", []string{"2:5-5 Name expected"}},
		{"model key", "approved_models:\n  - {name: gpt-4o, publisher: OpenAI}\n", []string{"2:20-29 Unknown key"}},
		{"custom rules", "custom_rules: [[a]]\n", []string{"1:16-16 Value expected"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), FileName, tt.src)
			_, diags := Load(path)
			var got []string
			for _, d := range diags {
				if d.Severity != hcl.DiagError || d.Subject == nil || d.Subject.Filename != path {
					t.Errorf("not an error at the config file: %s", d.Error())
					continue
				}
				got = append(got, fmt.Sprintf("%d:%d-%d %s", d.Subject.Start.Line, d.Subject.Start.Column, d.Subject.End.Column, d.Summary))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors differ (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUnknownKeyMessage pins one whole message: it names the file, the line and the keys there are.
func TestUnknownKeyMessage(t *testing.T) {
	path := writeFile(t, t.TempDir(), FileName, "severity: low\nignores: []\n")
	_, diags := Load(path)
	want := path + `:2,1-8: Unknown key; The config file has no key "ignores"; the keys are severity, unknown, exclude_paths, rules, ignore, approved_models, custom_rules.`
	if len(diags) != 1 || diags[0].Error() != want {
		t.Errorf("got %v\nwant %s", diags, want)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, diags := Load(filepath.Join(t.TempDir(), FileName))
	if !diags.HasErrors() || diags[0].Summary != "Cannot read the config file" {
		t.Errorf("got %v", diags)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	work := filepath.Join(root, "work")
	withConfig := filepath.Join(root, "with")
	without := filepath.Join(root, "without")
	for _, d := range []string{work, withConfig, without} {
		if err := os.MkdirAll(d, 0o750); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, withConfig, FileName, "")
	writeFile(t, work, FileName, "")
	file := writeFile(t, withConfig, "main.tf", "")
	tests := []struct {
		name    string
		paths   []string
		workdir string
		want    string
	}{
		{"in the scanned folder", []string{withConfig, without}, work, filepath.Join(withConfig, FileName)},
		{"beside the scanned file", []string{file}, work, filepath.Join(withConfig, FileName)},
		{"in the working directory", []string{without, withConfig}, work, filepath.Join(work, FileName)},
		{"none", []string{without}, without, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Find(tt.paths, tt.workdir); got != tt.want {
				t.Errorf("Find = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIgnoreCovers(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		path, resource string
		file, address  string
		want           bool
	}{
		{"", "", "anything.tf", "x", true},
		{"infra/**", "", "infra/a/main.tf", "x", true},
		{"infra/**", "", "other/infra/main.tf", "x", false},
		{"main.tf", "", "deep/down/main.tf", "x", true}, // a name without a slash matches at any depth
		{"*.tf", "", "a/b.json", "x", false},
		{"", "azurerm_cognitive_account.*", "a.tf", "azurerm_cognitive_account.oai", true},
		{"", "module.ai.*", "a.tf", `module.ai.azurerm_cognitive_account.oai["east"]`, true},
		{"", `azurerm_cognitive_account.oai["east"]`, "a.tf", `azurerm_cognitive_account.oai["east"]`, true},
		{"", "azurerm_cognitive_account.oai", "a.tf", "azurerm_cognitive_account.oai2", false},
		{"", "microsoft.cognitiveservices/accounts/*", "a.json", "Microsoft.CognitiveServices/accounts/oai", true},
		{"*.json", "Microsoft.CognitiveServices/*", "a.tf", "Microsoft.CognitiveServices/accounts/oai", false},
	}
	for _, tt := range tests {
		src := "ignore:\n  - rule: AIG101\n"
		if tt.path != "" {
			src += fmt.Sprintf("    path: %q\n", tt.path)
		}
		if tt.resource != "" {
			src += fmt.Sprintf("    resource: %q\n", tt.resource)
		}
		cfg, diags := Load(writeFile(t, dir, FileName, src))
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		f := model.Finding{Range: hcl.Range{Filename: filepath.Join(dir, filepath.FromSlash(tt.file))}, Resource: tt.address}
		if got := cfg.Ignores[0].Covers(f); got != tt.want {
			t.Errorf("path %q resource %q over %s %s: %v, want %v", tt.path, tt.resource, tt.file, tt.address, got, tt.want)
		}
	}
}

func TestExpired(t *testing.T) {
	day := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2026, 12, 30, 23, 59, 0, 0, time.UTC), false},
		{day, true},
		{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), true},
		// The day is read in UTC wherever the scan runs.
		{time.Date(2026, 12, 31, 9, 0, 0, 0, time.FixedZone("UTC+10", 10*3600)), false},
	}
	for _, tt := range tests {
		if got := Expired(day, tt.now); got != tt.want {
			t.Errorf("Expired(%s, %s) = %v", day, tt.now, got)
		}
	}
	if Expired(time.Time{}, time.Now()) {
		t.Error("an ignore without a date expired")
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
