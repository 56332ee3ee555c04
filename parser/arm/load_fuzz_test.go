package arm

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FuzzLoad evaluates arbitrary text as a template: whatever the reader recovers, the evaluator must not
// fail, which it would report as an internal error, and the deployment must be built. The seeds are the
// rule and scenario fixtures and this package's templates.
func FuzzLoad(f *testing.F) {
	testdata := filepath.Join("..", "..", "checks", "testdata")
	scenarios, err := filepath.Glob(filepath.Join(testdata, "scenarios", "arm", "*", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	rules, err := filepath.Glob(filepath.Join(testdata, "rules", "*", "arm", "*", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	seeds := slices.Concat(scenarios, rules)
	if len(seeds) == 0 {
		f.Fatal("no fixtures to seed from")
	}
	for _, seed := range seeds {
		src, err := os.ReadFile(seed)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, src := range []string{identityTemplate, symbolicTemplate, accountTemplate} {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "main.json")
		if err := os.WriteFile(path, src, 0o600); err != nil {
			t.Fatal(err)
		}
		res := Load([]string{path}, Options{})
		for _, d := range res.Diagnostics {
			if d.Summary == "Internal error" {
				t.Fatalf("%s\n%s", d.Error(), src)
			}
		}
		if len(res.Sources) != len(res.Deployments) {
			t.Fatalf("%d deployments for %d templates", len(res.Deployments), len(res.Sources))
		}
	})
}
