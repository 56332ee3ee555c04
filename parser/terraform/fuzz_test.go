package terraform

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary text to the front end as a module's main.tf. It must never fail inside: the
// loader turns a panic into an "Internal error" diagnostic, so that is what the fuzzer looks for.
func FuzzLoad(f *testing.F) {
	testdata := filepath.Join("..", "..", "checks", "testdata")
	scenarios, _ := filepath.Glob(filepath.Join(testdata, "scenarios", "terraform", "*", "*.tf"))
	rules, _ := filepath.Glob(filepath.Join(testdata, "rules", "*", "terraform", "*", "*.tf"))
	seeds := slices.Concat(scenarios, rules)
	if len(seeds) == 0 {
		f.Fatal("no fixture to seed the fuzzer with under checks/testdata")
	}
	for _, path := range seeds {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(string(src))
		}
	}
	f.Add(`resource "azapi_resource" "a" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  body = jsonencode({ properties = { disableLocalAuth = var.x ? true : null } })
}`)
	f.Add(`locals { a = local.b
 b = local.a }
module "m" { source = "./" }`)
	f.Fuzz(func(t *testing.T, src string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		res := Load([]string{dir}, Options{})
		for _, d := range res.Diagnostics {
			if d.Summary == "Internal error" || strings.Contains(d.Detail, "panic") {
				t.Fatalf("front end failed on input:\n%s\n%s", src, d.Error())
			}
		}
	})
}
