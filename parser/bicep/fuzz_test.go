package bicep

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad evaluates arbitrary source as a .bicep file: whatever the parser recovers, the evaluator must
// not fail, which it would report as an internal error. The seeds are the rule and scenario fixtures.
func FuzzLoad(f *testing.F) {
	testdata := filepath.Join("..", "..", "checks", "testdata")
	scenarios, err := filepath.Glob(filepath.Join(testdata, "scenarios", "bicep", "*", "*.bicep"))
	if err != nil {
		f.Fatal(err)
	}
	rules, err := filepath.Glob(filepath.Join(testdata, "rules", "*", "bicep", "*", "*.bicep"))
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range append(scenarios, rules...) {
		src, err := os.ReadFile(seed)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("resource a 'Microsoft.CognitiveServices/accounts@2025-06-01' = [for (x, i) in range(0, 3): if (i > 0) {\n  name: '${x}'\n  resource c 'deployments@2025-06-01' = {\n    name: a[0].name\n  }\n}]\n"))
	// A resource whose name reads itself once recursed until the stack overflowed.
	f.Add([]byte("resource a 'Microsoft.CognitiveServices/accounts@2025-06-01' = {\n  name: '${a.name}x'\n  scope: a\n  parent: a\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "main.bicep")
		if err := os.WriteFile(path, src, 0o600); err != nil {
			t.Fatal(err)
		}
		res := Load([]string{path}, Options{})
		for _, d := range res.Diagnostics {
			if d.Summary == "Internal error" {
				t.Fatalf("%s\n%s", d.Error(), src)
			}
		}
	})
}
