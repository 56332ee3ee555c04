// Package repo finds the repository a path belongs to: the root that printed paths are relative to and
// that files a configuration reads must stay within.
package repo

import (
	"os"
	"path/filepath"
)

// Root is the nearest directory from dir up that holds .git (a folder, or a file in a worktree or
// submodule); dir itself outside a repository. dir should be absolute.
func Root(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}
