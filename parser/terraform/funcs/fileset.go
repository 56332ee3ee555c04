package funcs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// maxAlternatives bounds brace expansion: each {a,b} group doubles the patterns, and the pattern may come
// from an untrusted configuration.
const maxAlternatives = 1024

func fileSetFunc(baseDir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "pattern", Type: cty.String},
		},
		Type: function.StaticReturnType(cty.Set(cty.String)),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			dir, err := resolve(baseDir, args[0].AsString())
			if err != nil {
				return cty.NilVal, function.NewArgError(0, err)
			}
			matches, err := glob(filepath.Join(dir, args[1].AsString()))
			if err != nil {
				return cty.NilVal, function.NewArgError(1, err)
			}
			files := make([]cty.Value, 0, len(matches))
			for _, m := range matches {
				rel, err := filepath.Rel(dir, m)
				if err != nil {
					return cty.NilVal, err
				}
				files = append(files, cty.StringVal(filepath.ToSlash(rel)))
			}
			if len(files) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			return cty.SetVal(files), nil
		},
	})
}

// glob finds the regular files that pattern matches, in the syntax of the doublestar library Terraform
// uses: * ? and [class] within a path segment, ** for any number of segments, {a,b} for alternatives.
// It walks only from the pattern's literal leading directories, and no deeper than a pattern without **
// can reach, so that a narrow pattern stays cheap in a large tree.
func glob(pattern string) ([]string, error) {
	segs := strings.Split(filepath.ToSlash(pattern), "/")
	lit := 0
	for lit < len(segs)-1 && !strings.ContainsAny(segs[lit], `*?[{\`) {
		lit++
	}
	root := strings.Join(segs[:lit], "/")
	switch {
	case lit == 0:
		root = "."
	case root == "":
		root = "/"
	}
	alts, err := expandBraces(strings.Join(segs[lit:], "/"))
	if err != nil {
		return nil, err
	}
	pats := make([][]string, 0, len(alts))
	depth := 0
	for _, alt := range alts {
		var pat []string
		for seg := range strings.SplitSeq(alt, "/") {
			if seg == "**" && len(pat) > 0 && pat[len(pat)-1] == "**" {
				continue // a run of ** means no more than one does, and matching each costs a loop
			}
			if _, err := path.Match(seg, ""); err != nil {
				return nil, fmt.Errorf("invalid pattern %q: %w", pattern, err)
			}
			pat = append(pat, seg)
		}
		pats = append(pats, pat)
		if depth >= 0 {
			depth = max(depth, len(pat))
		}
		if slices.Contains(pat, "**") {
			depth = -1
		}
	}

	var matches []string
	root = filepath.FromSlash(root)
	// Unreadable entries are skipped rather than failing the call, like the files a glob cannot see.
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return nil
		}
		name := strings.Split(filepath.ToSlash(rel), "/")
		if d.IsDir() {
			if depth >= 0 && len(name) >= depth {
				return filepath.SkipDir
			}
			return nil
		}
		if slices.ContainsFunc(pats, func(pat []string) bool { return matchSegments(pat, name) }) && isRegular(p, d) {
			matches = append(matches, p)
		}
		return nil
	})
	return matches, nil
}

// isRegular follows a symlink to see what it names, as Terraform's fileset does.
func isRegular(p string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink == 0 {
		return d.Type().IsRegular()
	}
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

func matchSegments(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for k := range len(name) + 1 {
				if matchSegments(pat[1:], name[k:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// expandBraces rewrites the first {a,b} group, nested ones included, into one pattern per alternative,
// and recurses for the groups after it. A { without its } stays a literal character.
func expandBraces(s string) ([]string, error) {
	start, depth := -1, 0
	var commas []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			if depth == 0 {
				start = i
			}
			depth++
		case ',':
			if depth == 1 {
				commas = append(commas, i)
			}
		case '}':
			if depth == 0 {
				continue
			}
			if depth--; depth > 0 {
				continue
			}
			bounds := slices.Concat([]int{start}, commas, []int{i})
			var out []string
			for j := 1; j < len(bounds); j++ {
				more, err := expandBraces(s[:start] + s[bounds[j-1]+1:bounds[j]] + s[i+1:])
				if err != nil {
					return nil, err
				}
				if out = append(out, more...); len(out) > maxAlternatives {
					return nil, errors.New("pattern has too many {} alternatives")
				}
			}
			return out, nil
		}
	}
	return []string{s}, nil
}
