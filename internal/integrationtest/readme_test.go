package integrationtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readmeSnippets returns the YAML blocks of the README's Integrations section, which users copy as
// they are.
func readmeSnippets(t *testing.T) []string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Integrations\n")
	if !ok {
		t.Fatal("README.md has no Integrations section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var snippets []string
	for _, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(section, -1) {
		snippets = append(snippets, m[1])
	}
	return snippets
}

// readmeSnippet returns the one YAML block that contains marker.
func readmeSnippet(t *testing.T, marker string) []byte {
	t.Helper()
	var found []string
	for _, s := range readmeSnippets(t) {
		if strings.Contains(s, marker) {
			found = append(found, s)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one YAML block with %q in the README's Integrations section, found %d", marker, len(found))
	}
	return []byte(found[0])
}

// TestReadmePreCommitConfig checks that the README's pre-commit configuration names this repository and
// hooks it defines.
func TestReadmePreCommitConfig(t *testing.T) {
	var config struct {
		Repos []struct {
			Repo  string `json:"repo"`
			Rev   string `json:"rev"`
			Hooks []struct {
				ID string `json:"id"`
			} `json:"hooks"`
		} `json:"repos"`
	}
	if err := json.Unmarshal(yamlToJSON(t, "README.md", readmeSnippet(t, "repos:")), &config); err != nil {
		t.Fatal(err)
	}
	var hooks []manifestHook
	readYAML(t, filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"), &hooks)
	defined := map[string]bool{}
	for _, h := range hooks {
		defined[h.ID] = true
	}
	if len(config.Repos) != 1 || config.Repos[0].Repo != "https://github.com/aigate-dev/aigate" || config.Repos[0].Rev == "" {
		t.Fatalf("want one repo, https://github.com/aigate-dev/aigate, at a rev: %+v", config.Repos)
	}
	for _, h := range config.Repos[0].Hooks {
		if !defined[h.ID] {
			t.Errorf("hook %q is not in .pre-commit-hooks.yaml", h.ID)
		}
	}
}

// TestReadmeWorkflow checks the README's workflow against action.yml: the inputs it sets exist, and the
// SARIF the action writes is what the upload step reads, even after findings failed the job.
func TestReadmeWorkflow(t *testing.T) {
	var workflow struct {
		Permissions map[string]string `json:"permissions"`
		Jobs        map[string]struct {
			Steps []struct {
				Uses string         `json:"uses"`
				If   string         `json:"if"`
				With map[string]any `json:"with"`
			} `json:"steps"`
		} `json:"jobs"`
	}
	if err := json.Unmarshal(yamlToJSON(t, "README.md", readmeSnippet(t, "uses: aigate-dev/aigate@")), &workflow); err != nil {
		t.Fatal(err)
	}
	if workflow.Permissions["security-events"] != "write" {
		t.Errorf("permissions %v lack security-events: write, which upload-sarif needs", workflow.Permissions)
	}
	action := readAction(t)
	uploads := 0
	for name, job := range workflow.Jobs {
		sarif := ""
		for _, step := range job.Steps {
			switch {
			case strings.HasPrefix(step.Uses, "aigate-dev/aigate@"):
				sarif = action.Inputs["output"].Default
				for input, value := range step.With {
					if _, ok := action.Inputs[input]; !ok {
						t.Errorf("job %s sets input %q, which action.yml does not have", name, input)
					}
					if input == "output" {
						sarif, _ = value.(string)
					}
				}
			case strings.HasPrefix(step.Uses, "github/codeql-action/upload-sarif@"):
				if sarif == "" || step.With["sarif_file"] != sarif {
					t.Errorf("job %s uploads %v, after an aigate step that writes %q", name, step.With["sarif_file"], sarif)
				}
				if step.If != "always()" {
					t.Errorf("job %s uploads if %q, want always(): findings fail the aigate step", name, step.If)
				}
				sarif = ""
				uploads++
			}
		}
	}
	if uploads == 0 {
		t.Error("the workflow uploads no SARIF")
	}
}
