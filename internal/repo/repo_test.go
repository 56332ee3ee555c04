package repo

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRoot(t *testing.T) {
	tmp := t.TempDir()
	for name, content := range map[string]string{
		"repo/.git/HEAD":          "ref: refs/heads/main\n",
		"repo/infra/ai/main.tf":   "",
		"worktree/.git":           "gitdir: ../repo/.git/worktrees/wt\n",
		"worktree/infra/main.tf":  "",
		"plain/infra/main.tf":     "",
		"repo/nested/.git/HEAD":   "ref: refs/heads/main\n",
		"repo/nested/app/main.tf": "",
	} {
		path := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ dir, want string }{
		{"repo", "repo"},
		{"repo/infra/ai", "repo"},
		{"worktree/infra", "worktree"},
		{"repo/nested/app", "repo/nested"},
		{"plain/infra", "plain/infra"},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			got := Root(filepath.Join(tmp, filepath.FromSlash(tt.dir)))
			if want := filepath.Join(tmp, filepath.FromSlash(tt.want)); got != want {
				t.Errorf("Root(%s) = %s, want %s", tt.dir, got, want)
			}
		})
	}
}
