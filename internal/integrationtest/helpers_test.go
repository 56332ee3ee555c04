package integrationtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// commandTimeout bounds one external command. The slowest is pre-commit's first run of the golang hook,
// which compiles aigate from scratch in a new folder; two cores take about a minute.
const commandTimeout = 5 * time.Minute

// insecureAccount is an Azure OpenAI account with every setting left to its default: API keys on,
// public network access on, Microsoft-managed keys. AIG101, AIG201 and AIG301 each find it.
const insecureAccount = `resource "azurerm_cognitive_account" "oai" {
  name                = "oai-demo"
  location            = "eastus2"
  resource_group_name = "rg-demo"
  kind                = "OpenAI"
  sku_name            = "S0"
}
`

// repoRoot is the module root: go test runs a package's tests in its folder, two levels below.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found: %v", err)
	}
	return root
}

// buildAigate compiles cmd/aigate of the module in src and returns the binary's path. -trimpath keys the
// build cache by package rather than folder, so a copy of the source builds from the cache.
func buildAigate(t *testing.T, src string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "aigate")
	mustRun(t, src, nil, "go", "build", "-trimpath", "-o", bin, "./cmd/aigate")
	return bin
}

// writeFile writes a file, creating its folder.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// commandResult is what a finished command left: its exit status and its stdout and stderr interleaved,
// as a user would have seen them.
type commandResult struct {
	command string
	status  int
	output  string
}

func (r commandResult) String() string {
	return fmt.Sprintf("$ %s\nexit status %d\n%s", r.command, r.status, r.output)
}

// runCommand runs a command in dir with extra environment variables. A non-zero exit status is a result
// for the caller to judge; a command that cannot start or runs out of time ends the test.
func runCommand(t *testing.T, dir string, env []string, name string, args ...string) commandResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var output bytes.Buffer
	cmd.Stdout = &output
	cmd.Stderr = &output
	// A grandchild that keeps the output pipe open must not hold the test past the timeout.
	cmd.WaitDelay = 10 * time.Second
	err := cmd.Run()
	res := commandResult{
		command: strings.Join(append([]string{name}, args...), " ") + "   (in " + dir + ")",
		output:  output.String(),
	}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("timed out after %v:\n%s", commandTimeout, res)
	case errors.As(err, &exitErr):
		res.status = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", res.command, err)
	}
	return res
}

// mustRun runs a command that has to succeed and returns its output.
func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	res := runCommand(t, dir, env, name, args...)
	if res.status != 0 {
		t.Fatalf("command failed:\n%s", res)
	}
	return res.output
}

// readYAML decodes a YAML file into a Go value. Unknown fields are an error: in these files they are
// typos that the consuming tool would reject or, worse, ignore.
func readYAML(t *testing.T, path string, into any) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(yamlToJSON(t, path, src)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// yamlToJSON converts YAML to JSON with the YAML reader the module already has for Terraform's
// yamldecode. It reads YAML 1.1, where a bare `on` key is the boolean true.
func yamlToJSON(t *testing.T, name string, src []byte) []byte {
	t.Helper()
	ty, err := ctyyaml.ImpliedType(src)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	val, err := ctyyaml.Unmarshal(src, ty)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	js, err := ctyjson.SimpleJSONValue{Value: val}.MarshalJSON()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return js
}

// readJSON decodes a JSON file; unlike readYAML it tolerates fields the test does not look at.
func readJSON(t *testing.T, path string, into any) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(src, into); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
