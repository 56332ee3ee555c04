package scan

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// skippedDirs are never scanned: version control, dependencies, and Terraform's own working folder
// (its downloaded modules are read through the module calls that use them).
var skippedDirs = map[string]bool{".git": true, "node_modules": true, ".terraform": true}

// inputs is what discovery found, grouped for the front ends.
type inputs struct {
	terraformDirs []string
}

func discover(paths, exclude []string) (inputs, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, pattern := range exclude {
		if _, err := path.Match(pattern, ""); err != nil {
			return inputs{}, fmt.Errorf("bad --exclude pattern %q: %w", pattern, err)
		}
	}
	tfDirs := map[string]bool{}
	for _, root := range paths {
		root = filepath.Clean(root)
		info, err := os.Stat(root)
		if err != nil {
			return inputs{}, fmt.Errorf("cannot scan %s: %w", root, err)
		}
		if !info.IsDir() {
			if isTerraformFile(root) {
				tfDirs[filepath.Dir(root)] = true
			}
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil //nolint:nilerr // an unreadable folder is skipped; the rest is scanned
			}
			if excluded(p, exclude) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != root && skippedDirs[d.Name()] {
					return filepath.SkipDir
				}
				return nil
			}
			if isTerraformFile(p) {
				tfDirs[filepath.Dir(p)] = true
			}
			return nil
		})
		if err != nil {
			return inputs{}, err
		}
	}
	var in inputs
	for dir := range tfDirs {
		in.terraformDirs = append(in.terraformDirs, dir)
	}
	slices.Sort(in.terraformDirs)
	return in, nil
}

func isTerraformFile(p string) bool {
	return strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")
}

// excluded reports whether a pattern matches the path, one of its parent folders, or its base name.
func excluded(p string, patterns []string) bool {
	if len(patterns) == 0 {
		return false
	}
	slashed := filepath.ToSlash(p)
	for _, pattern := range patterns {
		pattern = strings.TrimSuffix(strings.TrimPrefix(pattern, "./"), "/")
		for candidate := slashed; candidate != "." && candidate != "/" && candidate != ""; candidate = path.Dir(candidate) {
			if ok, _ := path.Match(pattern, candidate); ok {
				return true
			}
			if ok, _ := path.Match(pattern, path.Base(candidate)); ok {
				return true
			}
		}
	}
	return false
}
