package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/terraform"
	"github.com/aigate-dev/aigate/scan"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
)

// fakeScan returns res and remembers what it was asked, so a test can drive the exit status with the
// result of its choosing.
type fakeScan struct {
	res    *scan.Result
	err    error
	called bool
	opts   scan.Options
}

func (f *fakeScan) run(_ context.Context, opts scan.Options) (*scan.Result, error) {
	f.called, f.opts = true, opts
	if f.res == nil {
		return &scan.Result{}, f.err
	}
	return f.res, f.err
}

// execute runs aigate with args in an empty working directory outside any repository, so that printed
// paths are relative to it whatever the checkout looks like.
func execute(t *testing.T, scanner scanFunc, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(t.TempDir())
	var out, errOut strings.Builder
	code = runWith(t.Context(), scanner, args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func finding(rule string, sev model.Severity, conf model.Confidence, line int) model.Finding {
	return model.Finding{
		RuleID:     rule,
		Severity:   sev,
		Confidence: conf,
		Range: hcl.Range{
			Filename: "infra/main.tf",
			Start:    hcl.Pos{Line: line, Column: 3},
			End:      hcl.Pos{Line: line, Column: 20},
		},
		Resource: "azurerm_cognitive_account.oai",
		Message:  "local auth on",
	}
}

var parseError = &hcl.Diagnostic{
	Severity: hcl.DiagError,
	Summary:  "Unclosed configuration block",
	Subject:  &hcl.Range{Filename: "infra/broken.tf", Start: hcl.Pos{Line: 1, Column: 45}, End: hcl.Pos{Line: 1, Column: 46}},
}

func TestExitStatus(t *testing.T) {
	high := finding("AIG201", model.High, model.Certain, 3)
	medium := finding("AIG301", model.Medium, model.Certain, 4)
	critical := finding("AIG101", model.Critical, model.Certain, 5)
	unknownHigh := finding("AIG101", model.High, model.Uncertain, 6)
	tests := []struct {
		name       string
		res        scan.Result
		args       []string
		wantCode   int
		wantStdout string
	}{
		{
			name:     "nothing found",
			wantCode: exitClean,
		},
		{
			name:       "finding at the default threshold",
			res:        scan.Result{Findings: []model.Finding{high}},
			wantCode:   exitFindings,
			wantStdout: "infra/main.tf:3:3: error: local auth on [AIG201]\n",
		},
		{
			name:       "finding below the threshold is reported but passes",
			res:        scan.Result{Findings: []model.Finding{medium}},
			args:       []string{"--severity", "high"},
			wantCode:   exitClean,
			wantStdout: "infra/main.tf:4:3: warning: local auth on [AIG301]\n",
		},
		{
			name:       "finding at the threshold",
			res:        scan.Result{Findings: []model.Finding{high}},
			args:       []string{"--severity", "HIGH"},
			wantCode:   exitFindings,
			wantStdout: "infra/main.tf:3:3: error: local auth on [AIG201]\n",
		},
		{
			name:       "critical threshold",
			res:        scan.Result{Findings: []model.Finding{high, critical}},
			args:       []string{"--severity", "critical"},
			wantCode:   exitFindings,
			wantStdout: "infra/main.tf:3:3: error: local auth on [AIG201]\ninfra/main.tf:5:3: error: local auth on [AIG101]\n",
		},
		{
			name:       "soft fail",
			res:        scan.Result{Findings: []model.Finding{critical}},
			args:       []string{"--soft-fail"},
			wantCode:   exitClean,
			wantStdout: "infra/main.tf:5:3: error: local auth on [AIG101]\n",
		},
		{
			name:       "unknown warns without failing",
			res:        scan.Result{Findings: []model.Finding{unknownHigh}},
			wantCode:   exitClean,
			wantStdout: "infra/main.tf:6:3: warning: local auth on (confidence: unknown) [AIG101]\n",
		},
		{
			name:       "unknown fails when asked",
			res:        scan.Result{Findings: []model.Finding{unknownHigh}},
			args:       []string{"--unknown", "fail"},
			wantCode:   exitFindings,
			wantStdout: "infra/main.tf:6:3: error: local auth on (confidence: unknown) [AIG101]\n",
		},
		{
			name:       "unknown failing still respects the threshold",
			res:        scan.Result{Findings: []model.Finding{unknownHigh}},
			args:       []string{"--unknown", "fail", "--severity", "critical"},
			wantCode:   exitClean,
			wantStdout: "infra/main.tf:6:3: error: local auth on (confidence: unknown) [AIG101]\n",
		},
		{
			name:     "unknown ignored",
			res:      scan.Result{Findings: []model.Finding{unknownHigh}},
			args:     []string{"--unknown", "ignore"},
			wantCode: exitClean,
		},
		{
			name:     "parse error wins over findings and soft fail",
			res:      scan.Result{Findings: []model.Finding{high}, Diagnostics: hcl.Diagnostics{parseError}},
			args:     []string{"--soft-fail"},
			wantCode: exitError,
			wantStdout: "infra/broken.tf:1:45: error: Unclosed configuration block\n" +
				"infra/main.tf:3:3: error: local auth on [AIG201]\n",
		},
		{
			name: "warnings do not fail",
			res: scan.Result{Diagnostics: hcl.Diagnostics{{
				Severity: hcl.DiagWarning,
				Summary:  "Remote module skipped",
				Subject:  &hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 7, Column: 1}},
			}}},
			wantCode:   exitClean,
			wantStdout: "main.tf:7:1: warning: Remote module skipped\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := &fakeScan{res: &tt.res}
			code, stdout, stderr := execute(t, fake.run, append([]string{"scan"}, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("exit status = %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if diff := cmp.Diff(tt.wantStdout, stdout); diff != "" {
				t.Errorf("stdout mismatch (-want +got):\n%s", diff)
			}
			if stderr != "" {
				t.Errorf("stderr = %q, want nothing", stderr)
			}
		})
	}
}

func TestScanErrorExitsTwo(t *testing.T) {
	fake := &fakeScan{err: errors.New(`path "nowhere" does not exist`)}
	code, _, stderr := execute(t, fake.run, "scan", "nowhere")
	if code != exitError {
		t.Errorf("exit status = %d, want %d", code, exitError)
	}
	if want := "aigate: scan: path \"nowhere\" does not exist\n"; stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args       []string
		wantStderr string
	}{
		{[]string{"scan", "--format", "xml"}, "aigate: unknown --format \"xml\": want text, compact, json, sarif, github or junit\nRun 'aigate scan --help' for usage.\n"},
		{[]string{"scan", "--severity", "extreme"}, "aigate: --severity: unknown severity \"extreme\": want low, medium, high or critical\nRun 'aigate scan --help' for usage.\n"},
		{[]string{"scan", "--unknown", "maybe"}, "aigate: --unknown: unknown mode \"maybe\": want ignore, warn or fail\nRun 'aigate scan --help' for usage.\n"},
		{[]string{"scan", "--include-rules", "AIG201,AIG999"}, "aigate: --include-rules: unknown rule \"AIG999\" (aigate rules lists them)\nRun 'aigate scan --help' for usage.\n"},
		{[]string{"scan", "--exclude-rules", "nope"}, "aigate: --exclude-rules: unknown rule \"nope\" (aigate rules lists them)\nRun 'aigate scan --help' for usage.\n"},
		{[]string{"scan", "--include-rules", "AIG201", "--exclude-rules", "aig201"}, "aigate: --include-rules and --exclude-rules leave no rule to run\nRun 'aigate scan --help' for usage.\n"},
		{[]string{"scan", "--var", "region"}, "aigate: invalid argument \"region\" for \"--var\" flag: want NAME=VALUE\nRun 'aigate scan --help' for usage.\n"},
		{[]string{"scan", "--bogus"}, "aigate: unknown flag: --bogus\nRun 'aigate scan --help' for usage.\n"},
		{[]string{"explain"}, "aigate: accepts 1 arg(s), received 0\nRun 'aigate explain --help' for usage.\n"},
		{[]string{"explain", "AIG999"}, "aigate: unknown rule \"AIG999\" (aigate rules lists them)\nRun 'aigate explain --help' for usage.\n"},
		{[]string{"explain", "AIG201", "--format", "html"}, "aigate: unknown --format \"html\": want text or markdown\nRun 'aigate explain --help' for usage.\n"},
		{[]string{"rules", "--format", "sarif"}, "aigate: unknown --format \"sarif\": want text, json or markdown\nRun 'aigate rules --help' for usage.\n"},
		{[]string{"rules", "extra"}, "aigate: unknown command \"extra\" for \"aigate rules\"\nRun 'aigate rules --help' for usage.\n"},
		{[]string{"version", "extra"}, "aigate: unknown command \"extra\" for \"aigate version\"\nRun 'aigate version --help' for usage.\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			fake := &fakeScan{}
			code, stdout, stderr := execute(t, fake.run, tt.args...)
			if code != exitError {
				t.Errorf("exit status = %d, want %d", code, exitError)
			}
			if diff := cmp.Diff(tt.wantStderr, stderr); diff != "" {
				t.Errorf("stderr mismatch (-want +got):\n%s", diff)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if fake.called {
				t.Error("scanned despite the usage error")
			}
		})
	}
}

func TestScanOptions(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantPaths []string
		wantRules []string
	}{
		{"no arguments scans the working directory", nil, nil, nil},
		{"scan is the default command", []string{"examples"}, []string{"examples"}, nil},
		{"flags before the path", []string{"--format", "compact", "examples"}, []string{"examples"}, nil},
		{"explicit scan of several paths", []string{"scan", "a", "b.tf"}, []string{"a", "b.tf"}, nil},
		{"a path named like a command needs scan", []string{"scan", "rules"}, []string{"rules"}, nil},
		{"included rules", []string{"--include-rules", "aig301,AIG201", "--include-rules", "AIG201"}, nil, []string{"AIG201", "AIG301"}},
		{"excluded rules", []string{"--exclude-rules", "AIG201"}, nil, ruleIDsExcept("AIG201")},
		{"included then excluded", []string{"--include-rules", "AIG201,AIG301", "--exclude-rules", "AIG301"}, nil, []string{"AIG201"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := &fakeScan{}
			if code, _, stderr := execute(t, fake.run, tt.args...); code != exitClean {
				t.Fatalf("exit status = %d, want 0 (stderr %q)", code, stderr)
			}
			if diff := cmp.Diff(tt.wantPaths, fake.opts.Paths, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("paths mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantRules, ruleIDs(fake.opts.Rules)); diff != "" {
				t.Errorf("rules mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTerraformInputsAndExcludesPassedThrough(t *testing.T) {
	fake := &fakeScan{}
	code, _, stderr := execute(t, fake.run, "infra",
		"--var-file", "a.tfvars", "--var", "region=westeurope", "--var-file", "b,c.tfvars",
		"--var", "zones=1,2",
		"--exclude", "**/test/**", "--exclude", "{a,b}/*.tf")
	if code != exitClean {
		t.Fatalf("exit status = %d, want 0 (stderr %q)", code, stderr)
	}
	want := scan.Options{
		Paths:   []string{"infra"},
		Exclude: []string{"**/test/**", "{a,b}/*.tf"},
		TerraformInputs: []terraform.Input{
			{File: "a.tfvars"}, {Var: "region=westeurope"}, {File: "b,c.tfvars"}, {Var: "zones=1,2"},
		},
	}
	if fake.opts.Catalog == nil || len(fake.opts.Catalog.Rules()) != len(checks.Builtin().Rules()) {
		t.Errorf("the scan was not given the catalog of every rule: %v", fake.opts.Catalog)
	}
	fake.opts.Catalog = nil
	if diff := cmp.Diff(want, fake.opts); diff != "" {
		t.Errorf("options mismatch (-want +got):\n%s", diff)
	}
}

func TestTextFormat(t *testing.T) {
	fake := &fakeScan{res: &scan.Result{Findings: []model.Finding{finding("AIG201", model.High, model.Certain, 3)}, Files: 2, Resources: 3}}
	code, stdout, _ := execute(t, fake.run, "--format", "text")
	if code != exitFindings {
		t.Errorf("exit status = %d, want %d", code, exitFindings)
	}
	want := "infra/main.tf\n" +
		"  3:3  HIGH  AIG201 ai-account-local-auth  local auth on\n" +
		"    in azurerm_cognitive_account.oai\n" +
		"\n" +
		"1 high in 2 files (3 resources) — 0.00s\n"
	if diff := cmp.Diff(want, stdout); diff != "" {
		t.Errorf("stdout mismatch (-want +got):\n%s", diff)
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "aigate.txt")
	fake := &fakeScan{res: &scan.Result{
		Findings:    []model.Finding{finding("AIG201", model.High, model.Certain, 3)},
		Diagnostics: hcl.Diagnostics{parseError, {Severity: hcl.DiagWarning, Summary: "Remote module skipped"}},
	}}
	code, stdout, stderr := execute(t, fake.run, "--output", out, "infra")
	if code != exitError {
		t.Errorf("exit status = %d, want %d", code, exitError)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing: the report goes to --output", stdout)
	}
	if want := "infra/broken.tf:1:45: error: Unclosed configuration block\n"; stderr != want {
		t.Errorf("stderr = %q, want the parse error alone, %q", stderr, want)
	}
	written, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := "aigate: warning: Remote module skipped\n" +
		"infra/broken.tf:1:45: error: Unclosed configuration block\n" +
		"infra/main.tf:3:3: error: local auth on [AIG201]\n"
	if diff := cmp.Diff(want, string(written)); diff != "" {
		t.Errorf("--output file mismatch (-want +got):\n%s", diff)
	}
}

func TestOutputFileUnwritable(t *testing.T) {
	fake := &fakeScan{}
	code, _, stderr := execute(t, fake.run, "--output", filepath.Join(t.TempDir(), "missing", "out.txt"))
	if code != exitError {
		t.Errorf("exit status = %d, want %d", code, exitError)
	}
	if !strings.HasPrefix(stderr, "aigate: --output: open ") || strings.Contains(stderr, "--help") {
		t.Errorf("stderr = %q, want the open error without a usage hint", stderr)
	}
}

func TestRules(t *testing.T) {
	code, stdout, _ := execute(t, (&fakeScan{}).run, "rules")
	if code != exitClean {
		t.Fatalf("exit status = %d, want 0", code)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if header := strings.Fields(lines[0]); !cmp.Equal(header, []string{"ID", "NAME", "SEVERITY", "TITLE"}) {
		t.Errorf("header = %q", lines[0])
	}
	rules := checks.Builtin().Rules()
	if len(lines) != len(rules)+1 {
		t.Fatalf("got %d rows, want %d:\n%s", len(lines)-1, len(rules), stdout)
	}
	for i, r := range rules {
		row := regexp.MustCompile(`^` + r.ID + ` +` + regexp.QuoteMeta(r.Name) + ` +` + r.Severity.String() + ` +` + regexp.QuoteMeta(r.Title) + `$`)
		if !row.MatchString(lines[i+1]) {
			t.Errorf("row %d = %q, want %s %s %s %s", i+1, lines[i+1], r.ID, r.Name, r.Severity, r.Title)
		}
	}
}

func TestExplain(t *testing.T) {
	code, stdout, _ := execute(t, (&fakeScan{}).run, "explain", "aig201")
	if code != exitClean {
		t.Fatalf("exit status = %d, want 0", code)
	}
	r, _ := checks.Builtin().Lookup("AIG201")
	wantHead := "AIG201 ai-account-local-auth (high)\n" + r.Title + "\n\n" + r.Description + "\n\nHow to fix\n" +
		"  Terraform: " + r.Remediation.Terraform + "\n" +
		"  Bicep: " + r.Remediation.Bicep + "\n" +
		"  ARM: " + r.Remediation.ARM + "\n\nReferences\n"
	if !strings.HasPrefix(stdout, wantHead) {
		t.Errorf("explain output starts\n%s\nwant\n%s", stdout, wantHead)
	}
	for _, ref := range r.References {
		if !strings.Contains(stdout, "\n  "+ref+"\n") {
			t.Errorf("explain output lacks reference %q", ref)
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := execute(t, (&fakeScan{}).run, "version")
	if code != exitClean {
		t.Fatalf("exit status = %d, want 0", code)
	}
	if !regexp.MustCompile(`^aigate \S+ built with go\S+\n$`).MatchString(stdout) {
		t.Errorf("version output = %q", stdout)
	}
}

// TestRunScansForReal goes through scan.Run on a folder with nothing to find.
func TestRunScansForReal(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte("variable \"region\" {}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	if code := run([]string{"scan", "--format", "compact", dir}, &stdout, &stderr); code != exitClean {
		t.Errorf("exit status = %d, want 0 (stdout %q, stderr %q)", code, stdout.String(), stderr.String())
	}
}

func ruleIDs(rules []*checks.Rule) []string {
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
	}
	return ids
}

func ruleIDsExcept(id string) []string {
	var ids []string
	for _, r := range checks.Builtin().Rules() {
		if r.ID != id {
			ids = append(ids, r.ID)
		}
	}
	return ids
}
