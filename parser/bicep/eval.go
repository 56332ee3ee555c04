package bicep

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/bicep/syntax"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

const (
	// maxModuleDepth bounds module nesting, which a cycle through `if` could otherwise repeat without end.
	maxModuleDepth = 32
	// maxCallDepth bounds user-defined function calls within calls.
	maxCallDepth = 64
	// maxLoop bounds what one loop creates, as ARM bounds copy loops; past it the loop is evaluated once
	// with an unknown item.
	maxLoop = 800
)

// loader is the state of one Load: the files parsed so far and what was read.
type loader struct {
	out    *Result
	files  map[string]*parsedFile
	shared map[string]*fileEval // files evaluated for what they export to `import`
	found  map[string]bool      // whether a module's file exists, asked once per file
	// moduleResources are the addresses of the resources each module call of the root being evaluated
	// deploys, directly or through the modules it calls, by the call's address.
	moduleResources map[string][]string
}

type parsedFile struct {
	path string
	src  []byte
	file *syntax.File
	// cutAt is where the first syntax error stopped the parser; a resource that reaches it was cut short
	// and is not judged.
	cutAt *hcl.Pos
}

func newLoader() *loader {
	return &loader{out: &Result{Sources: map[string][]byte{}}, files: map[string]*parsedFile{}, shared: map[string]*fileEval{}, found: map[string]bool{}}
}

// exists reports whether a file is there, asking the file system once per path: a module called in a
// loop is looked for once.
func (l *loader) exists(path string) bool {
	found, asked := l.found[path]
	if !asked {
		_, err := os.Stat(path)
		found = err == nil
		l.found[path] = found
	}
	return found
}

// parse reads and parses a file once, reporting its syntax errors once; nil when it cannot be read.
func (l *loader) parse(path string) *parsedFile {
	path = filepath.Clean(path)
	if pf, ok := l.files[path]; ok {
		return pf
	}
	src, err := os.ReadFile(path)
	if err != nil {
		l.out.Diagnostics = append(l.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read file",
			Detail: err.Error(), Subject: &hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos}})
		l.files[path] = nil
		return nil
	}
	file, diags := syntax.Parse(src, path)
	pf := &parsedFile{path: path, src: src, file: file}
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil {
			pf.cutAt = &d.Subject.Start
			break
		}
	}
	l.files[path] = pf
	l.out.Diagnostics = append(l.out.Diagnostics, diags...)
	l.out.Files++
	if strings.HasSuffix(path, ".bicep") {
		l.out.Sources[path] = src
	}
	return pf
}

// fileEval evaluates one file for one use: a root deployment, one instance of a module call, a
// .bicepparam file, or a file read for what it exports.
type fileEval struct {
	l  *loader
	pf *parsedFile
	// given are the parameter values passed in, by lower-case name.
	given map[string]cty.Value
	// givenUnknown, when not nil, makes every parameter not in given unknown: the caller passed an object
	// whose members are unknown.
	givenUnknown cty.ValueMarks
	// via are the module calls that lead here, outermost first.
	via []hcl.Range
	// prefix is prepended to the addresses of the file's resources: "" for a root, "ai." in module ai.
	prefix string
	// stack are the files of the module calls that lead here, for cycles.
	stack []string
	// callers are the addresses of the module calls that lead here (of a looped call, its declaration and
	// its instance), outermost first.
	callers []string
	// dependsOn is what every resource of the file waits for: what the module calls that lead here read
	// and name in dependsOn.
	dependsOn []model.Ref

	symbols   map[string]*symbol
	outputs   map[string]*syntax.Output
	calls     int
	resources []*resourceSet // top-level resource declarations, in order
	modules   []*moduleSet
}

type symbolKind uint8

const (
	paramSymbol symbolKind = iota + 1
	varSymbol
	resourceSymbol
	moduleSymbol
	funcSymbol
	importSymbol
	namespaceSymbol
)

// symbol is one name declared at the top of a file.
type symbol struct {
	kind symbolKind
	decl syntax.Node
	name *syntax.Ident

	value    cty.Value
	resolved bool
	busy     bool

	resources *resourceSet
	modules   *moduleSet
	// from and fromName are what an import names: the file's evaluation and the name in it.
	from     *fileEval
	fromName string
}

func (l *loader) newFileEval(pf *parsedFile, given map[string]cty.Value, via []hcl.Range, prefix string, stack []string) *fileEval {
	e := &fileEval{l: l, pf: pf, given: given, via: via, prefix: prefix, stack: stack,
		symbols: map[string]*symbol{}, outputs: map[string]*syntax.Output{}}
	e.declare()
	return e
}

// declare records the file's top-level names. Bicep rejects a name declared twice; the first stands.
func (e *fileEval) declare() {
	for _, d := range e.pf.file.Decls {
		switch d := d.(type) {
		case *syntax.Param:
			e.add(&symbol{kind: paramSymbol, decl: d, name: d.Name})
		case *syntax.Var:
			e.add(&symbol{kind: varSymbol, decl: d, name: d.Name})
		case *syntax.Func:
			e.add(&symbol{kind: funcSymbol, decl: d, name: d.Name})
		case *syntax.Resource:
			set := &resourceSet{decl: d, address: e.prefix + identName(d.Name), existing: d.Existing}
			e.resources = append(e.resources, set)
			e.add(&symbol{kind: resourceSymbol, decl: d, name: d.Name, resources: set})
		case *syntax.Module:
			set := &moduleSet{decl: d, address: e.prefix + identName(d.Name)}
			e.modules = append(e.modules, set)
			e.add(&symbol{kind: moduleSymbol, decl: d, name: d.Name, modules: set})
		case *syntax.Output:
			if d.Name != nil {
				if _, dup := e.outputs[d.Name.Name]; dup {
					e.duplicate(d.Name, "output")
					continue
				}
				e.outputs[d.Name.Name] = d
			}
		case *syntax.Import:
			e.declareImport(d)
		}
	}
}

func identName(id *syntax.Ident) string {
	if id == nil {
		return ""
	}
	return id.Name
}

func (e *fileEval) add(s *symbol) {
	if s.name == nil || s.name.Name == "" {
		return
	}
	if _, dup := e.symbols[s.name.Name]; dup {
		e.duplicate(s.name, "name")
		return
	}
	e.symbols[s.name.Name] = s
}

func (e *fileEval) duplicate(name *syntax.Ident, what string) {
	e.errorAt(name.Rng, "Duplicate declaration",
		fmt.Sprintf("The %s %q is declared more than once in this file; Bicep rejects the file. aigate reads the first declaration.", what, name.Name))
}

func (e *fileEval) errorAt(rng hcl.Range, summary, detail string) {
	e.l.out.Diagnostics = append(e.l.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: rng.Ptr()})
}

func (e *fileEval) warnAt(rng hcl.Range, summary, detail string) {
	e.l.out.Diagnostics = append(e.l.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: summary, Detail: detail, Subject: rng.Ptr()})
}

// declareImport records `import {a, b as c} from 'file'` and `import * as ns from 'file'`. What a file
// outside the repository exports (a registry) is unknown.
func (e *fileEval) declareImport(d *syntax.Import) {
	if d.Path == nil || (d.Wildcard == nil && len(d.Names) == 0) {
		return // a provider import: nothing to evaluate
	}
	from := e.importedFile(d)
	if d.Wildcard != nil {
		e.add(&symbol{kind: namespaceSymbol, decl: d, name: d.Wildcard, from: from})
		return
	}
	for _, n := range d.Names {
		local := n.Name
		if n.Alias != nil {
			local = n.Alias
		}
		e.add(&symbol{kind: importSymbol, decl: d, name: local, from: from, fromName: identName(n.Name)})
	}
}

// importedFile evaluates the file an import names, once per Load; nil when it is not a local .bicep file.
func (e *fileEval) importedFile(d *syntax.Import) *fileEval {
	path, ok := literalString(d.Path)
	if !ok || !strings.HasSuffix(path, ".bicep") || isRegistryPath(path) {
		e.warnAt(d.Path.Rng, "Import skipped",
			"aigate reads imports from local .bicep files only; what this import brings in is unknown.")
		return nil
	}
	path = filepath.Clean(filepath.Join(filepath.Dir(e.pf.path), filepath.FromSlash(path)))
	if shared, ok := e.l.shared[path]; ok {
		return shared
	}
	e.l.shared[path] = nil // an import cycle sees unknowns
	pf := e.l.parse(path)
	if pf == nil {
		return nil
	}
	shared := e.l.newFileEval(pf, map[string]cty.Value{}, nil, "", []string{path})
	e.l.shared[path] = shared
	return shared
}

// literalString is the text of a string without interpolation.
func literalString(s *syntax.String) (string, bool) {
	if s == nil || len(s.Exprs) != 0 || len(s.Parts) != 1 {
		return "", false
	}
	return s.Parts[0], true
}

// lookup answers a name in an expression: a parameter, variable, resource, module or imported value.
func (e *fileEval) lookup(id *syntax.Ident) (cty.Value, bool) {
	s, ok := e.symbols[id.Name]
	if !ok {
		return cty.NilVal, false
	}
	switch s.kind {
	case resourceSymbol:
		return e.resourceValue(s.resources), true
	case moduleSymbol:
		return e.moduleValue(s.modules), true
	case funcSymbol, namespaceSymbol:
		return cty.DynamicVal, true
	case importSymbol:
		if s.from == nil {
			return cty.DynamicVal, true
		}
		return s.from.exported(s.fromName, id.Rng), true
	}
	if s.resolved {
		return s.value, true
	}
	if s.busy {
		e.errorAt(s.name.Rng, "Dependency cycle", fmt.Sprintf("%s depends on itself; Bicep rejects such a file, so its value is unknown here.", s.name.Name))
		return cty.DynamicVal, true
	}
	s.busy = true
	defer func() { s.busy = false }()
	switch d := s.decl.(type) {
	case *syntax.Param:
		s.value = e.paramValue(d)
	case *syntax.Var:
		s.value = e.eval(d.Value, nil)
	}
	s.resolved = true
	return s.value, true
}

// exported is what an import of name from this file sees.
func (e *fileEval) exported(name string, at hcl.Range) cty.Value {
	s, ok := e.symbols[name]
	if !ok || s.kind == funcSymbol {
		if !ok {
			e.errorAt(at, "Unknown import", fmt.Sprintf("%s does not declare %q.", e.pf.path, name))
		}
		return cty.DynamicVal
	}
	v, _ := e.lookup(s.name)
	return v
}

// paramValue is a parameter's value: the one given, its default, null for a nullable type, or unknown.
func (e *fileEval) paramValue(d *syntax.Param) cty.Value {
	if v, ok := e.given[strings.ToLower(d.Name.Name)]; ok {
		// A null passed to a parameter that has a default leaves the default in force, as ARM does: the
		// AVM pattern `param: settings.?x` relies on it.
		if u, _ := v.Unmark(); !u.IsKnown() || !u.IsNull() || d.Default == nil {
			return v
		}
		return e.eval(d.Default, nil)
	}
	if e.givenUnknown != nil {
		return cty.DynamicVal.WithMarks(e.givenUnknown)
	}
	if d.Default != nil {
		return e.eval(d.Default, nil)
	}
	if _, nullable := d.Type.(*syntax.NullableType); nullable {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	return cty.DynamicVal.Mark(model.Ref{Kind: model.InputRef, Address: "param " + d.Name.Name})
}

// output evaluates an output of the file for a module's caller.
func (e *fileEval) output(name string) (cty.Value, bool) {
	d, ok := e.outputs[name]
	if !ok {
		for n, o := range e.outputs {
			if strings.EqualFold(n, name) {
				d, ok = o, true
				break
			}
		}
	}
	if !ok {
		return cty.NilVal, false
	}
	return e.eval(d.Value, nil), true
}

// deploymentOutputs are the outputs of a root file, in order: what the deployment gives back. Their
// addresses read "output <name>", as the declaration starts.
func (e *fileEval) deploymentOutputs() []*model.Output {
	var out []*model.Output
	for _, d := range e.pf.file.Decls {
		o, ok := d.(*syntax.Output)
		if !ok || o.Name == nil || e.outputs[o.Name.Name] != o || o.Value == nil || e.cutShort(o.Rng) {
			continue
		}
		out = append(out, &model.Output{
			Name:      o.Name.Name,
			Address:   "output " + o.Name.Name,
			Range:     o.Rng,
			Value:     e.build(o.Value, o.Value.Range(), nil),
			Sensitive: decorated(o.Decorators, "secure"),
			Language:  model.Bicep,
		})
	}
	return out
}

// decorated reports whether one of the decorators is @name() or @sys.name().
func decorated(decorators []*syntax.Decorator, name string) bool {
	for _, d := range decorators {
		if d.Call == nil || identName(d.Call.Name) != name {
			continue
		}
		if recv, ok := d.Call.Receiver.(*syntax.Ident); d.Call.Receiver == nil || ok && recv.Name == "sys" {
			return true
		}
	}
	return false
}

// emit adds the file's resources, and those of the modules it calls, to the result.
func (e *fileEval) emit() {
	for _, set := range e.resources {
		e.emitResources(set)
	}
	for _, set := range e.modules {
		e.emitModules(set)
	}
}
