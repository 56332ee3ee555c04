package scan

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/config"
	"github.com/aigate-dev/aigate/parser/bicep"
	"github.com/aigate-dev/aigate/parser/terraform"
)

// skippedDirs are never scanned: version control, dependencies, and Terraform's own working folder
// (its downloaded modules are read through the module calls that use them).
var skippedDirs = map[string]bool{".git": true, "node_modules": true, ".terraform": true}

// inputs is what discovery found, grouped for the front ends.
type inputs struct {
	terraformDirs []string
	// jsonFiles may be ARM templates or parameter files; the ARM front end tells by their $schema.
	jsonFiles []string
	// bicepFiles are .bicep and .bicepparam files.
	bicepFiles []string
}

func discover(paths, exclude []string) (inputs, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	globs := make([]config.Glob, len(exclude))
	for i, pattern := range exclude {
		g, err := config.CompileGlob(pattern)
		if err != nil {
			return inputs{}, fmt.Errorf("bad --exclude pattern %q: %w", pattern, err)
		}
		globs[i] = g
	}
	tfDirs, jsonFiles, bicepFiles := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, root := range paths {
		root = filepath.Clean(root)
		info, err := os.Stat(root)
		if err != nil {
			return inputs{}, fmt.Errorf("cannot scan %s: %w", root, err)
		}
		if !info.IsDir() {
			switch {
			case excluded(filepath.Dir(root), root, globs):
			case terraform.IsConfigFile(root), isVariablesFile(root):
				// A variables file alone (pre-commit passes the files a commit changes) changes what
				// its folder's configuration deploys, so the folder is scanned.
				tfDirs[filepath.Dir(root)] = true
			case isJSON(root):
				jsonFiles[root] = true
			case bicep.IsSource(root):
				bicepFiles[root] = true
			}
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil //nolint:nilerr // an unreadable folder is skipped; the rest is scanned
			}
			if p != root && excluded(root, p, globs) {
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
			switch {
			case terraform.IsConfigFile(p):
				tfDirs[filepath.Dir(p)] = true
			case isJSON(p):
				jsonFiles[p] = true
			case bicep.IsSource(p):
				bicepFiles[p] = true
			}
			return nil
		})
		if err != nil {
			return inputs{}, err
		}
	}
	return inputs{
		terraformDirs: slices.Sorted(maps.Keys(tfDirs)),
		jsonFiles:     slices.Sorted(maps.Keys(jsonFiles)),
		bicepFiles:    slices.Sorted(maps.Keys(bicepFiles)),
	}, nil
}

// isVariablesFile reports whether a file is a Terraform variables file, which Terraform reads from the
// working folder: terraform.tfvars, *.auto.tfvars and their .json forms.
func isVariablesFile(p string) bool {
	return strings.HasSuffix(p, ".tfvars") || strings.HasSuffix(p, ".tfvars.json")
}

// isJSON reports whether a file may be an ARM template or parameter file. Terraform's own JSON
// (.tf.json, .tfvars.json) is the Terraform front end's.
func isJSON(p string) bool {
	name := filepath.Base(p)
	return strings.HasSuffix(name, ".json") && !strings.HasSuffix(name, ".tf.json") && !strings.HasSuffix(name, ".tfvars.json") &&
		!strings.HasPrefix(name, ".")
}

// excluded reports whether a pattern matches the path, either as given or relative to the scan root it
// was found under.
func excluded(root, p string, globs []config.Glob) bool {
	given := filepath.ToSlash(p)
	rel, err := filepath.Rel(root, p)
	if err != nil {
		rel = p
	}
	rel = filepath.ToSlash(rel)
	for _, g := range globs {
		if g.Match(given) || g.Match(rel) {
			return true
		}
	}
	return false
}
