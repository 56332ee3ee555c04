package repo

import (
	"os"
	"path/filepath"
	"strings"
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

func TestReadFile(t *testing.T) {
	tmp := t.TempDir()
	outside := filepath.Join(tmp, "secret.txt")
	repoDir := filepath.Join(tmp, "repo")
	for name, content := range map[string]string{
		"secret.txt":           "token",
		"repo/.git/HEAD":       "ref: refs/heads/main\n",
		"repo/shared/cfg.json": `{"a": 1}`,
		"repo/envs/prod/x.txt": "x",
	} {
		path := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(repoDir, "link.txt")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	prod := filepath.Join(repoDir, "envs", "prod")
	tests := []struct {
		name, path string
		limit      int64
		want       string // the content, or a part of the error
	}{
		{"a file elsewhere in the repository", "../../shared/cfg.json", 0, `{"a": 1}`},
		{"a file beside", "x.txt", 0, "x"},
		{"a path that climbs out", "../../../secret.txt", 0, "outside the repository"},
		{"an absolute path out", outside, 0, "outside the repository"},
		{"a link that leads out", "../../link.txt", 0, "escapes"},
		{"a folder", "../../shared", 0, "not a regular file"},
		{"a file over the limit", "../../shared/cfg.json", 3, "over 3 bytes"},
		{"a file that is not there", "nope.txt", 0, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if !filepath.IsAbs(path) {
				path = filepath.Join(prod, path)
			}
			b, err := ReadFile(prod, path, tt.limit)
			got := string(b)
			if err != nil {
				got = err.Error()
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("ReadFile(%s) = %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}
