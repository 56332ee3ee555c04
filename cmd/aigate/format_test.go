package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/sarif"
	"github.com/aigate-dev/aigate/scan"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

const (
	insecureAccount = `resource "azurerm_cognitive_account" "oai" {
  name                = "oai"
  location            = "westeurope"
  resource_group_name = "rg"
  kind                = "OpenAI"
  sku_name            = "S0"
  local_auth_enabled  = true
}
`
	unclosedBlock = `resource "azurerm_cognitive_account" "half" {
  name = "half"
`
	parseErrorLine = "broken/main.tf:1:45: error: Unclosed configuration block: There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.\n"
)

// writeFiles creates files, named by slash-separated paths relative to dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestParseErrorStillReportsOtherFiles scans a folder where one file does not parse, in every format, to
// stdout and to --output: the exit status is 2, the other file's findings are all there, and so is the
// parse error. Formats that programs read also print the parse error on stderr.
func TestParseErrorStillReportsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"app/main.tf": insecureAccount, "broken/main.tf": unclosedBlock})
	t.Chdir(dir)

	// wants are what each format says about the finding and the parse error.
	tests := []struct {
		format     string
		wants      []string
		wantStderr string
	}{
		{"text", []string{"app/main.tf\n", "7:3  HIGH  AIG201", "broken/main.tf\n", "Unclosed configuration block"}, ""},
		{"compact", []string{"app/main.tf:7:3: error: ", "[AIG201]", parseErrorLine}, ""},
		{"github", []string{"::error file=app/main.tf,line=7,endLine=7,col=3,endColumn=", "title=AIG201 ai-account-local-auth::", "::error file=broken/main.tf,line=1,"}, ""},
		{"json", []string{`"rule": "AIG201"`, `"file": "app/main.tf"`, `"file": "broken/main.tf"`}, parseErrorLine},
		{"sarif", []string{`"ruleId": "AIG201"`, `"uri": "app/main.tf"`, `"uri": "broken/main.tf"`, `"executionSuccessful": false`}, parseErrorLine},
		{"junit", []string{`<testsuite name="AIG201 ai-account-local-auth" tests="1" failures="1"`, `classname="app/main.tf"`, `<error message="Unclosed configuration block`}, parseErrorLine},
	}
	for _, tt := range tests {
		for _, toFile := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s to file %t", tt.format, toFile), func(t *testing.T) {
				args := []string{"scan", "--format", tt.format, "."}
				out := filepath.Join(t.TempDir(), "report")
				if toFile {
					args = append(args, "--output", out)
				}
				var stdout, stderr strings.Builder
				code := runWith(t.Context(), scan.Run, args, &stdout, &stderr)
				if code != exitError {
					t.Errorf("exit status = %d, want %d", code, exitError)
				}
				written, wantStderr := stdout.String(), tt.wantStderr
				if toFile {
					if stdout.Len() > 0 {
						t.Errorf("stdout = %q, want nothing: the report goes to --output", stdout.String())
					}
					content, err := os.ReadFile(out)
					if err != nil {
						t.Fatal(err)
					}
					written, wantStderr = string(content), parseErrorLine
				}
				for _, want := range tt.wants {
					if !strings.Contains(written, want) {
						t.Errorf("report lacks %q:\n%s", want, written)
					}
				}
				if diff := cmp.Diff(wantStderr, stderr.String()); diff != "" {
					t.Errorf("stderr mismatch (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// TestDocumentFormatsParse checks that json, sarif and junit are documents their readers can parse.
func TestDocumentFormatsParse(t *testing.T) {
	res := &scan.Result{
		Findings:    []model.Finding{finding("AIG201", model.High, model.Certain, 3)},
		Diagnostics: hcl.Diagnostics{parseError},
	}
	tests := []struct {
		format string
		parse  func([]byte) error
	}{
		{"json", func(b []byte) error { return json.Unmarshal(b, new(map[string]any)) }},
		{"sarif", func(b []byte) error { return json.Unmarshal(b, new(map[string]any)) }},
		{"junit", func(b []byte) error { return xml.Unmarshal(b, new(struct{})) }},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			_, stdout, _ := execute(t, (&fakeScan{res: res}).run, "--format", tt.format)
			if err := tt.parse([]byte(stdout)); err != nil {
				t.Errorf("%s output does not parse: %v\n%s", tt.format, err, stdout)
			}
		})
	}
}

func TestFormatIgnoresCase(t *testing.T) {
	fake := &fakeScan{res: &scan.Result{Findings: []model.Finding{finding("AIG201", model.High, model.Certain, 3)}}}
	code, stdout, stderr := execute(t, fake.run, "--format", "GitHub")
	if code != exitFindings {
		t.Errorf("exit status = %d, want %d (stderr %q)", code, exitFindings, stderr)
	}
	if want := "::error file=infra/main.tf,line=3,endLine=3,col=3,endColumn=20,title=AIG201 ai-account-local-auth::local auth on\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
}

// TestPathsRelativeToRepositoryRoot runs aigate in a subfolder of a repository: paths are printed from
// the repository root, where GitHub resolves them.
func TestPathsRelativeToRepositoryRoot(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o750); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(repo, "infra")
	if err := os.Mkdir(sub, 0o750); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	fake := &fakeScan{res: &scan.Result{Findings: []model.Finding{finding("AIG201", model.High, model.Certain, 3)}}}
	var stdout, stderr strings.Builder
	runWith(t.Context(), fake.run, []string{"--format", "compact"}, &stdout, &stderr)
	// The scan names the file infra/main.tf from the working directory, itself the repository's infra.
	if want := "infra/infra/main.tf:3:3: error: local auth on [AIG201]\n"; stdout.String() != want {
		t.Errorf("stdout = %q, want %q", stdout.String(), want)
	}
}

// TestSARIFCapWarns gives the SARIF writer one finding more than GitHub accepts: the run still reports,
// and stderr says what was left out.
func TestSARIFCapWarns(t *testing.T) {
	findings := make([]model.Finding, sarif.MaxResults+1)
	for i := range findings {
		findings[i] = finding("AIG201", model.High, model.Certain, i+1)
	}
	fake := &fakeScan{res: &scan.Result{Findings: findings}}
	code, stdout, stderr := execute(t, fake.run, "--format", "sarif")
	if code != exitFindings {
		t.Errorf("exit status = %d, want %d", code, exitFindings)
	}
	want := "aigate: warning: the SARIF log leaves out the 1 least severe of 25001 findings: GitHub code scanning accepts at most 25000 results per run\n"
	if stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
	if got := strings.Count(stdout, `"ruleId"`); got != sarif.MaxResults {
		t.Errorf("SARIF holds %d results, want %d", got, sarif.MaxResults)
	}
}
