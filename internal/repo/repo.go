// Package repo finds the repository a path belongs to, the root that printed paths are relative to, and
// reads files within it only: what a configuration reads must stay within.
package repo

import (
	"errors"
	"fmt"
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

// ErrOutside is the error for a file outside the repository.
var ErrOutside = errors.New("outside the repository")

// ReadFile reads a regular file within the repository that holds dir (dir itself outside a repository),
// following symbolic links only as far as they stay inside; limit, when positive, bounds its size. A
// configuration in a pull request must not make a scan read, and its findings quote, files elsewhere on
// the machine, such as /proc/self/environ or ~/.ssh.
func ReadFile(dir, path string, limit int64) ([]byte, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	base := Root(absDir)
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return nil, fmt.Errorf("%s is %w %s", path, ErrOutside, base)
	}
	root, err := os.OpenRoot(base)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	info, err := root.Stat(rel)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, err)
	case !info.Mode().IsRegular():
		// A FIFO or a device would block the scan or never end.
		return nil, fmt.Errorf("%s is not a regular file", path)
	case limit > 0 && info.Size() > limit:
		return nil, fmt.Errorf("%s is over %d bytes", path, limit)
	}
	return root.ReadFile(rel)
}
