package integrationtest

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// manifestHook is one hook of .pre-commit-hooks.yaml. readYAML rejects keys not declared here, so a
// misspelt key fails the fast test rather than being ignored; TestPreCommitTryRepo also has pre-commit
// validate the file against its own schema.
type manifestHook struct {
	ID                      string `json:"id"`
	Name                    string `json:"name"`
	Description             string `json:"description"`
	Entry                   string `json:"entry"`
	Language                string `json:"language"`
	Files                   string `json:"files"`
	Exclude                 string `json:"exclude"`
	PassFilenames           *bool  `json:"pass_filenames"`
	RequireSerial           bool   `json:"require_serial"`
	MinimumPreCommitVersion string `json:"minimum_pre_commit_version"`
}

// TestPreCommitHooksManifest checks the hook definitions without pre-commit: the entry names the binary
// that `go install ./...` makes of cmd/aigate, files pre-commit passes are serialised, and the file
// patterns select what aigate reads. The patterns are plain enough that Go's regexp and Python's re,
// which pre-commit uses with re.search, agree on them.
func TestPreCommitHooksManifest(t *testing.T) {
	root := repoRoot(t)
	var hooks []manifestHook
	readYAML(t, filepath.Join(root, ".pre-commit-hooks.yaml"), &hooks)

	languages := map[string]string{}
	for _, h := range hooks {
		languages[h.ID] = h.Language
	}
	if want := map[string]string{"aigate": "golang", "aigate-system": "system"}; !maps.Equal(languages, want) {
		t.Fatalf("hooks and languages = %v, want %v", languages, want)
	}

	for _, h := range hooks {
		t.Run(h.ID, func(t *testing.T) {
			binary, _, _ := strings.Cut(h.Entry, " ")
			if _, err := os.Stat(filepath.Join(root, "cmd", binary, "main.go")); err != nil {
				t.Errorf("entry %q: go install ./... makes no %s binary: %v", h.Entry, binary, err)
			}
			if !strings.Contains(h.Entry, "--format compact") {
				t.Errorf("entry %q does not ask for the compact format", h.Entry)
			}
			if h.PassFilenames != nil && !*h.PassFilenames {
				t.Error("pass_filenames is false: the hook would scan nothing but the working directory")
			}
			if !h.RequireSerial {
				t.Error("require_serial is false: parallel batches would scan one Terraform directory several times")
			}
			if h.Language == "golang" && h.MinimumPreCommitVersion == "" {
				t.Error("no minimum_pre_commit_version: releases before 2.17.0 install golang hooks with go get, which installs nothing")
			}
			if h.Name == "" || h.Description == "" {
				t.Error("name or description is empty")
			}
			files := regexp.MustCompile(h.Files)
			exclude := regexp.MustCompile(h.Exclude)
			selected := func(path string) bool { return files.MatchString(path) && !exclude.MatchString(path) }
			for _, path := range []string{
				"main.tf", "infra/ai/openai.tf", "main.tf.json", "terraform.tfvars", "prod.auto.tfvars",
				"terraform.tfvars.json", "main.bicep", "main.bicepparam", "azuredeploy.json",
				"azuredeploy.parameters.json",
			} {
				if !selected(path) {
					t.Errorf("%s is not passed to the hook", path)
				}
			}
			for _, path := range []string{
				"README.md", "main.go", "terraform.tfstate", "main.tf.bak", ".terraform/modules/modules.json",
				"infra/.terraform/modules/ai/main.tf",
			} {
				if selected(path) {
					t.Errorf("%s is passed to the hook", path)
				}
			}
		})
	}
}

// compactFinding matches the compact line of a finding on main.tf at the start of an output line.
func compactFinding(word, rule string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^main\.tf:\d+:\d+: ` + word + `: .+ \[` + rule + `\]$`)
}

// TestPreCommitTryRepo runs both hooks through pre-commit itself, as `pre-commit try-repo` lets a user
// try them, on a repository whose Terraform changes from insecure to fixed and back (see checkHook).
func TestPreCommitTryRepo(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: pre-commit builds aigate from source")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		if os.Getenv("AIGATE_REQUIRE_PRECOMMIT") == "1" {
			t.Fatalf("AIGATE_REQUIRE_PRECOMMIT=1 but pre-commit is not on PATH: %v", err)
		}
		t.Skip("pre-commit is not on PATH (.ci/run installs it)")
	}
	t.Log(strings.TrimSpace(mustRun(t, ".", nil, preCommit, "--version")))

	goEnv := strings.Split(mustRun(t, ".", nil, "go", "env", "GOMODCACHE", "GOFLAGS"), "\n")
	env := append(gitEnv(t),
		// pre-commit gives the golang hook a throwaway GOPATH; without this every run would download
		// all of aigate's dependencies again into it.
		"GOMODCACHE="+goEnv[0],
		// Every try-repo clones into a new folder, and without -trimpath the build cache is keyed by
		// folder: each run would compile aigate from scratch.
		"GOFLAGS="+strings.TrimSpace(goEnv[1]+" -trimpath"),
	)
	aigateRepo := snapshotRepo(t, repoRoot(t), env)
	mustRun(t, aigateRepo, env, preCommit, "validate-manifest", ".pre-commit-hooks.yaml")

	t.Run("aigate", func(t *testing.T) {
		t.Parallel()
		checkHook(t, preCommit, aigateRepo, "aigate", env)
	})
	t.Run("aigate-system", func(t *testing.T) {
		t.Parallel()
		bin := buildAigate(t, aigateRepo)
		checkHook(t, preCommit, aigateRepo, "aigate-system",
			slices.Concat(env, []string{"PATH=" + filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH")}))
	})
}

// hardenedAccount is insecureAccount fixed, with API keys off through a variable of variables.tf.
const hardenedAccount = `resource "azurerm_cognitive_account" "oai" {
  name                          = "oai-demo"
  location                      = "eastus2"
  resource_group_name           = "rg-demo"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-demo"
  public_network_access_enabled = false
  local_auth_enabled            = var.local_auth_enabled

  customer_managed_key {
    key_vault_key_id = "https://kv-demo.vault.azure.net/keys/cmk-oai/0123456789abcdef0123456789abcdef"
  }
}
`

func localAuthVariable(enabled bool) string {
	return fmt.Sprintf("variable \"local_auth_enabled\" {\n  type    = bool\n  default = %t\n}\n", enabled)
}

// checkHook runs a hook three times on a new repository: on an insecure main.tf it fails, once the file
// is fixed it passes, and when a commit stages nothing but variables.tf turning API keys back on, it
// fails on main.tf: pre-commit passes the one staged file and aigate scans its whole directory.
func checkHook(t *testing.T, preCommit, aigateRepo, hookID string, env []string) {
	project := t.TempDir()
	mustRun(t, project, env, "git", "init", "--quiet")
	stage := func(files map[string]string) {
		for name, content := range files {
			writeFile(t, filepath.Join(project, name), content)
			mustRun(t, project, env, "git", "add", name)
		}
	}
	tryRepo := func(extra ...string) commandResult {
		args := append([]string{"try-repo", aigateRepo, hookID, "--verbose", "--color", "never"}, extra...)
		return runCommand(t, project, env, preCommit, args...)
	}
	// pre-commit's own status is 1 for a failed hook but also for some of its own errors; the hook's
	// exit status line and the compact lines show that aigate ran and found the problems.
	wantFailure := func(res commandResult, findings ...*regexp.Regexp) {
		t.Helper()
		if res.status != 1 || !strings.Contains(res.output, "- hook id: "+hookID) || !strings.Contains(res.output, "- exit code: 1") {
			t.Fatalf("want the hook to fail with aigate's exit status 1:\n%s", res)
		}
		for _, want := range findings {
			if !want.MatchString(res.output) {
				t.Errorf("no line matching %s in the hook's output:\n%s", want, res)
			}
		}
	}

	stage(map[string]string{"main.tf": insecureAccount})
	mustRun(t, project, env, "git", "commit", "--quiet", "--message", "insecure")
	wantFailure(tryRepo("--all-files"),
		compactFinding("error", "AIG101"), compactFinding("error", "AIG201"), compactFinding("warning", "AIG301"))

	stage(map[string]string{"main.tf": hardenedAccount, "variables.tf": localAuthVariable(false)})
	mustRun(t, project, env, "git", "commit", "--quiet", "--message", "hardened")
	res := tryRepo("--all-files")
	if res.status != 0 || !regexp.MustCompile(`(?m)^aigate \(Azure AI security\)\.+Passed$`).MatchString(res.output) {
		t.Fatalf("want the hook to pass on the fixed file:\n%s", res)
	}

	stage(map[string]string{"variables.tf": localAuthVariable(true)})
	wantFailure(tryRepo(), compactFinding("error", "AIG201"))
}

// gitEnv keeps the user's and the machine's git configuration out of the repositories the test makes
// (commit signing, hooks, templates) and gives commits an author.
func gitEnv(t *testing.T) []string {
	global := filepath.Join(t.TempDir(), "gitconfig")
	writeFile(t, global, "")
	return []string{
		"GIT_CONFIG_GLOBAL=" + global,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=aigate test", "GIT_AUTHOR_EMAIL=test@aigate.invalid",
		"GIT_COMMITTER_NAME=aigate test", "GIT_COMMITTER_EMAIL=test@aigate.invalid",
	}
}

// snapshotRepo commits a copy of the working tree into a new repository and returns its path.
// try-repo installs hooks from a commit. On a fresh clone that is HEAD, but a developer wants the
// working tree tested, and try-repo's own handling of a dirty repository commits tracked files only,
// leaving out a new package or a new .pre-commit-hooks.yaml. So the copy holds the tracked files as they
// are on disk and the untracked files git does not ignore.
func snapshotRepo(t *testing.T, root string, env []string) string {
	t.Helper()
	listed := mustRun(t, root, nil, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	snapshot := filepath.Join(t.TempDir(), "aigate")
	if err := os.Mkdir(snapshot, 0o750); err != nil {
		t.Fatal(err)
	}
	// os.Root keeps every read and write inside the two trees, whatever a listed name holds.
	src, err := os.OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenRoot(snapshot)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	for _, name := range strings.Split(strings.TrimSuffix(listed, "\x00"), "\x00") {
		info, err := src.Lstat(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue // tracked but deleted in the working tree
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := dst.MkdirAll(path.Dir(name), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := copyEntry(src, dst, name, info); err != nil {
			t.Fatal(err)
		}
	}
	mustRun(t, snapshot, env, "git", "init", "--quiet")
	mustRun(t, snapshot, env, "git", "add", "--all")
	mustRun(t, snapshot, env, "git", "commit", "--quiet", "--message", "working tree")
	return snapshot
}

// copyEntry copies a file or a symbolic link between the trees, keeping the executable bit, the only
// mode git records.
func copyEntry(src, dst *os.Root, name string, info fs.FileInfo) error {
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := src.Readlink(name)
		if err != nil {
			return err
		}
		return dst.Symlink(target, name)
	}
	content, err := src.ReadFile(name)
	if err != nil {
		return err
	}
	perm := fs.FileMode(0o640)
	if info.Mode()&0o100 != 0 {
		perm = 0o750
	}
	return dst.WriteFile(name, content, perm)
}
