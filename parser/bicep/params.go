package bicep

import (
	"maps"
	"path/filepath"
	"strings"

	"github.com/aigate-dev/aigate/parser/bicep/syntax"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// paramFile evaluates a .bicepparam file: the .bicep file it names with `using`, and the values it
// gives, by lower-case name. A file based on another with `extends` starts from that one's values.
func (l *loader) paramFile(path string) (target string, values map[string]cty.Value, ok bool) {
	return l.paramFileFrom(path, nil)
}

func (l *loader) paramFileFrom(path string, seen []string) (target string, values map[string]cty.Value, ok bool) {
	pf := l.parse(path)
	if pf == nil {
		return "", nil, false
	}
	for _, s := range seen {
		if s == pf.path {
			return "", map[string]cty.Value{}, false
		}
	}
	values = map[string]cty.Value{}
	usesNone := false
	for _, d := range pf.file.Decls {
		switch d := d.(type) {
		case *syntax.Using:
			usesNone = d.Path == nil
			if p, lit := literalString(d.Path); lit && strings.HasSuffix(p, ".bicep") && !isRegistryPath(p) {
				target, ok = filepath.Clean(filepath.Join(filepath.Dir(pf.path), filepath.FromSlash(p))), true
			}
		case *syntax.Extends:
			if p, lit := literalString(d.Path); lit {
				base := filepath.Join(filepath.Dir(pf.path), filepath.FromSlash(p))
				if _, inherited, _ := l.paramFileFrom(base, append(seen, pf.path)); inherited != nil {
					maps.Copy(values, inherited)
				}
			}
		}
	}
	e := l.newFileEval(pf, map[string]cty.Value{}, nil, "", []string{pf.path})
	for _, d := range pf.file.Decls {
		if p, isParam := d.(*syntax.Param); isParam && p.Name != nil && p.Default != nil {
			values[strings.ToLower(p.Name.Name)] = plain(e.eval(p.Default, nil))
		}
	}
	// `using none` marks a base file for others to extend: it applies to nothing on its own, as meant.
	if !ok && !usesNone && len(seen) == 0 {
		l.out.Diagnostics = append(l.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Parameter file not applied",
			Detail:  "This .bicepparam file has no `using` that names a local .bicep file, so its values apply to nothing aigate scans.",
			Subject: &hcl.Range{Filename: pf.path, Start: hcl.InitialPos, End: hcl.InitialPos}})
	}
	return target, values, ok
}
