package scan

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiscover(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{
		"infra/main.tf", "infra/prod/main.tf.json", "infra/test/main.tf", "infra/modules/ai/main.tf",
		"infra/modules/ai/test/fixture/main.tf", "infra/.terraform/modules/x/main.tf", "infra/.git/hooks/main.tf",
		"infra/node_modules/pkg/main.tf", "infra/docs/readme.md", "infra/vars/prod.tfvars",
		"infra/editor/.#main.tf", "infra/editor/main.tf~", "infra/editor/#main.tf#",
	} {
		path := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	infra := filepath.Join(dir, "infra")
	tests := []struct {
		name    string
		paths   []string
		exclude []string
		want    []string
	}{
		{"a folder yields every module folder below it, skipping tool folders", []string{infra}, nil,
			[]string{".", "modules/ai", "modules/ai/test/fixture", "prod", "test"}},
		{"a single file stands for its folder", []string{filepath.Join(infra, "prod", "main.tf.json")}, nil,
			[]string{"prod"}},
		{"a variables file passed alone stands for its folder", []string{filepath.Join(infra, "vars", "prod.tfvars")}, nil,
			[]string{"vars"}},
		{"a bare name matches at any depth", []string{infra}, []string{"test"},
			[]string{".", "modules/ai", "prod"}},
		{"** spans folders", []string{infra}, []string{"**/test/**"},
			[]string{".", "modules/ai", "prod"}},
		{"a pattern is relative to the scan root", []string{infra}, []string{"modules/**"},
			[]string{".", "prod", "test"}},
		{"a pattern may name the path as given", []string{infra}, []string{filepath.ToSlash(filepath.Join(infra, "prod"))},
			[]string{".", "modules/ai", "modules/ai/test/fixture", "test"}},
		{"braces and classes choose", []string{infra}, []string{"{prod,test}", "modules/[a-z]i/*/fixture"},
			[]string{".", "modules/ai"}},
		{"a file passed alone is excluded too", []string{filepath.Join(infra, "prod", "main.tf.json")}, []string{"**/prod/**"},
			nil},
		{"a file pattern leaves the folder when another file is left", []string{infra}, []string{"*.tf.json"},
			[]string{".", "modules/ai", "modules/ai/test/fixture", "test"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := discover(tt.paths, tt.exclude)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range in.terraformDirs {
				rel, _ := filepath.Rel(infra, d)
				got = append(got, filepath.ToSlash(rel))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("folders (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := discover([]string{infra}, []string{"[abc"}); err == nil {
		t.Error("an unclosed [ was accepted")
	}
	if _, err := discover([]string{filepath.Join(dir, "missing")}, nil); err == nil {
		t.Error("a missing path was accepted")
	}
}
