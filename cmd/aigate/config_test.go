package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/scan"
)

// account is an Azure OpenAI account with API keys left on (AIG201 on line 4) and every other rule
// satisfied; ignore is written at the end of that line.
func account(ignore string) string {
	return `resource "azurerm_cognitive_account" "oai" {
  name                          = "oai"
  kind                          = "OpenAI"
  local_auth_enabled            = true ` + ignore + `
  public_network_access_enabled = false
  customer_managed_key {
    key_vault_key_id = "https://kv.vault.azure.net/keys/k/v"
  }
}
`
}

// scanForReal runs the CLI in dir with the real scanner.
func scanForReal(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	var out, errs strings.Builder
	code = runWith(t.Context(), scan.Run, append([]string{"scan", "--format", "compact"}, args...), &out, &errs)
	return code, out.String(), errs.String()
}

func TestInlineIgnores(t *testing.T) {
	tests := []struct {
		name      string
		ignore    string
		wantCode  int
		wantLines []string
	}{
		{"no ignore", "", 1, []string{"main.tf:4:3: error: ", "[AIG201]"}},
		{"an ignore on the finding's line", "# aigate:ignore:AIG201 -- keys needed by the legacy batch job", 0, nil},
		{"an ignore that expired", "# aigate:ignore:AIG201:exp:2020-01-01 -- until the migration", 1,
			[]string{"main.tf:4:3: error: ", "[AIG201]", "main.tf:4:", "notice: Expired ignore"}},
		{"an ignore of another rule", "# aigate:ignore:AIG101", 1, []string{"[AIG201]", "notice: Unused ignore"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"main.tf": account(tt.ignore)})
			code, stdout, stderr := scanForReal(t, dir)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, stdout, stderr)
			}
			for _, want := range tt.wantLines {
				if !strings.Contains(stdout, want) {
					t.Errorf("output lacks %q:\n%s", want, stdout)
				}
			}
			if tt.wantLines == nil && stdout != "" {
				t.Errorf("output not empty:\n%s", stdout)
			}
		})
	}
}

func TestBaselineFlags(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"infra/main.tf": account("")})
	baseline := filepath.Join(dir, "aigate-baseline.json")
	if code, stdout, stderr := scanForReal(t, dir, "--create-baseline", baseline, "infra"); code != 1 || !strings.Contains(stdout, "[AIG201]") {
		t.Fatalf("creating the baseline: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, stderr := scanForReal(t, dir, "--baseline", baseline, "infra"); code != 0 || stdout != "" {
		t.Errorf("the same tree against its baseline: exit %d, want 0 and no output\n%s%s", code, stdout, stderr)
	}
	// Lines inserted above keep the finding baselined; a second account is new.
	moved := "# the account the chat service uses\n\n" + account("") + strings.ReplaceAll(account(""), `"oai"`, `"oai2"`)
	writeFiles(t, dir, map[string]string{"infra/main.tf": moved})
	code, stdout, stderr := scanForReal(t, dir, "--baseline", baseline, "infra")
	if code != 1 || strings.Count(stdout, "[AIG201]") != 1 || !strings.Contains(stdout, "'oai2'") {
		t.Errorf("a new finding must show through, and only it: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestConfigFile(t *testing.T) {
	tests := []struct {
		name     string
		config   string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"the config raises the threshold above high", "severity: critical\n", nil, 0, ""},
		{"--severity wins over the config", "severity: critical\n", []string{"--severity", "high"}, 1, ""},
		{"a rule the config disables", "rules:\n  AIG201:\n    enabled: false\n", nil, 0, ""},
		{"an unknown key is an error with its line", "severity: high\nseverty: low\n", nil, 2, ".aigate.yml:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"main.tf": account(""), ".aigate.yml": tt.config})
			code, stdout, stderr := scanForReal(t, dir, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, stdout, stderr)
			}
			if tt.wantErr != "" && !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantErr, stderr)
			}
		})
	}
	t.Run("--config names a file elsewhere", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"main.tf": account(""), "policy/strict.yml": "severity: critical\n"})
		if code, stdout, stderr := scanForReal(t, dir, "--config", filepath.Join(dir, "policy", "strict.yml")); code != 0 {
			t.Errorf("exit status %d, want 0\n%s%s", code, stdout, stderr)
		}
	})
	t.Run("a missing --config file", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"main.tf": account("")})
		if code, _, _ := scanForReal(t, dir, "--config", filepath.Join(dir, "nope.yml")); code != 2 {
			t.Errorf("exit status %d, want 2", code)
		}
	})
}
