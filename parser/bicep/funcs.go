package bicep

import (
	"encoding/base64"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/internal/repo"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/arm/armexpr"
	"github.com/aigate-dev/aigate/parser/bicep/syntax"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// maxLoadedFile is the size past which load*Content() is not read: Bicep's own limit is 131,072
// characters for text and 1 MB for JSON.
const maxLoadedFile = 1 << 20

// call evaluates a function call: a user-defined or imported function, one of Bicep's own functions
// (also as sys.name or az.name), or a resource function such as acct.listKeys().
func (e *fileEval) call(c *syntax.Call, sc *scope) cty.Value {
	name := identName(c.Name)
	switch recv := c.Receiver.(type) {
	case nil:
		if s, ok := e.symbols[name]; ok {
			switch {
			case s.kind == funcSymbol:
				return e.callUser(e, s.decl.(*syntax.Func), c, sc)
			case s.kind == importSymbol && s.from != nil:
				if f, ok := s.from.symbols[s.fromName]; ok && f.kind == funcSymbol {
					return e.callUser(s.from, f.decl.(*syntax.Func), c, sc)
				}
			}
		}
		return e.builtin(name, c, sc)
	case *syntax.Ident:
		if _, local := sc.lookup(recv.Name); !local {
			s, declared := e.symbols[recv.Name]
			switch {
			case declared && s.kind == namespaceSymbol:
				if s.from == nil {
					return unknown(e.args(c.Args, sc)...)
				}
				if f, ok := s.from.symbols[name]; ok && f.kind == funcSymbol {
					return e.callUser(s.from, f.decl.(*syntax.Func), c, sc)
				}
				return unknown(e.args(c.Args, sc)...)
			case !declared && (recv.Name == "sys" || recv.Name == "az"):
				return e.builtin(name, c, sc)
			}
		}
	}
	// A resource function: listKeys(), listSecrets(), getSecret() and the rest are known at deployment.
	return unknown(append(e.args(c.Args, sc), e.eval(c.Receiver, sc))...)
}

func (e *fileEval) args(args []syntax.Expr, sc *scope) []cty.Value {
	vals := make([]cty.Value, len(args))
	for i, a := range args {
		vals[i] = plain(e.eval(a, sc))
	}
	return vals
}

// callUser calls a user-defined function declared in the file that def evaluates.
func (e *fileEval) callUser(def *fileEval, f *syntax.Func, c *syntax.Call, sc *scope) cty.Value {
	args := e.args(c.Args, sc)
	if len(args) != len(f.Params) {
		e.errorAt(c.Rng, "Invalid call", fmt.Sprintf("%s takes %d arguments, got %d; Bicep rejects the call.", identName(f.Name), len(f.Params), len(args)))
		return unknown(args...)
	}
	if def.calls >= maxCallDepth {
		return unknown(args...)
	}
	def.calls++
	defer func() { def.calls-- }()
	var inner *scope
	for i, p := range f.Params {
		inner = inner.with(identName(p.Name), args[i])
	}
	return def.eval(f.Body, inner)
}

// lambdaFunctions are Bicep's functions that take a lambda; what each one does with it is in lambdaCall.
var lambdaFunctions = []string{"filter", "map", "reduce", "sort", "toobject", "mapvalues", "groupby"}

// builtin calls one of Bicep's functions. Most are ARM's and share its implementation; the ones that
// take lambdas, read files, or exist only in Bicep are here.
func (e *fileEval) builtin(name string, c *syntax.Call, sc *scope) cty.Value {
	lower := strings.ToLower(name)
	switch {
	case slices.Contains(lambdaFunctions, lower):
		return e.lambdaCall(lower, c, sc)
	case lower == "any" && len(c.Args) == 1:
		return e.eval(c.Args[0], sc)
	case lower == "nameof" && len(c.Args) == 1:
		return nameOf(c.Args[0])
	case lower == "loadtextcontent" || lower == "loadjsoncontent" || lower == "loadfileasbase64":
		return e.load(lower, c, sc)
	case lower == "readenvironmentvariable" && len(c.Args) >= 1:
		args := e.args(c.Args, sc)
		n, _ := str(args[0])
		return cty.UnknownVal(cty.String).Mark(model.Ref{Kind: model.InputRef, Address: "readEnvironmentVariable('" + n + "')"})
	case lower == "getsecret":
		return cty.UnknownVal(cty.String).Mark(model.Ref{Kind: model.DataRef, Address: "getSecret()"})
	case lower == "flatten" && len(c.Args) == 1:
		return flatten(e.eval(c.Args[0], sc))
	}
	args := e.args(c.Args, sc)
	v, problem, found := armexpr.Call(name, args)
	if problem != "" {
		e.errorAt(c.Rng, "Invalid call", problem+"; Bicep rejects the call.")
	}
	if !found {
		return unknown(args...)
	}
	return v
}

// nameOf is nameof(symbol): the name written, known before anything is evaluated.
func nameOf(x syntax.Expr) cty.Value {
	switch x := x.(type) {
	case *syntax.Ident:
		return cty.StringVal(x.Name)
	case *syntax.Access:
		return cty.StringVal(x.Name.Name)
	case *syntax.ChildAccess:
		return cty.StringVal(x.Name.Name)
	}
	return cty.UnknownVal(cty.String)
}

func flatten(v cty.Value) cty.Value {
	u, marks := plain(v).Unmark()
	if !u.IsKnown() || u.IsNull() || !isSequence(u.Type()) {
		return unknown(v)
	}
	var out []cty.Value
	for _, inner := range u.AsValueSlice() {
		iu, im := inner.Unmark()
		if !iu.IsKnown() || iu.IsNull() || !isSequence(iu.Type()) {
			return unknown(v)
		}
		for _, el := range iu.AsValueSlice() {
			out = append(out, el.WithMarks(im))
		}
	}
	return cty.TupleVal(out).WithMarks(marks)
}

// lambdaCall evaluates filter, map, reduce, sort, toObject, mapValues and groupBy.
func (e *fileEval) lambdaCall(name string, c *syntax.Call, sc *scope) cty.Value {
	var lambdas []*syntax.Lambda
	var values []cty.Value
	for _, a := range c.Args {
		if l, ok := a.(*syntax.Lambda); ok {
			lambdas = append(lambdas, l)
		} else {
			values = append(values, plain(e.eval(a, sc)))
		}
	}
	fail := unknown(values...)
	if len(values) == 0 || len(lambdas) == 0 {
		return fail
	}
	coll, marks := values[0].Unmark()
	// The collection must be known; its items need not be, as a lambda may read only what is known. A
	// value that is no collection at all (filter(42, ...)) is what Bicep rejects.
	if !coll.IsKnown() || coll.IsNull() || !coll.CanIterateElements() || coll.LengthInt() > maxLoop {
		return fail
	}
	apply := func(l *syntax.Lambda, args ...cty.Value) cty.Value {
		inner := sc
		for i, p := range l.Params {
			if i < len(args) {
				inner = inner.with(p.Name, args[i].WithMarks(marks))
			}
		}
		return plain(e.eval(l.Body, inner))
	}
	if name == "mapvalues" {
		if !isObject(coll.Type()) {
			return fail
		}
		out := map[string]cty.Value{}
		for k, v := range coll.AsValueMap() {
			out[k] = apply(lambdas[0], v)
		}
		return cty.ObjectVal(out)
	}
	if !isSequence(coll.Type()) {
		return fail
	}
	elems := coll.AsValueSlice()
	switch name {
	case "filter":
		var out []cty.Value
		for i, el := range elems {
			keep, ok := boolOf(apply(lambdas[0], el, cty.NumberIntVal(int64(i))))
			if !ok {
				return fail
			}
			if keep {
				out = append(out, el.WithMarks(marks))
			}
		}
		return cty.TupleVal(out)
	case "map":
		out := make([]cty.Value, len(elems))
		for i, el := range elems {
			out[i] = apply(lambdas[0], el, cty.NumberIntVal(int64(i)))
		}
		return cty.TupleVal(out)
	case "reduce":
		if len(values) < 2 {
			return fail
		}
		acc := values[1]
		for i, el := range elems {
			acc = apply(lambdas[0], acc, el, cty.NumberIntVal(int64(i)))
		}
		return acc
	case "sort":
		out := slices.Clone(elems)
		failed := false
		slices.SortStableFunc(out, func(a, b cty.Value) int {
			less, ok := boolOf(apply(lambdas[0], a, b))
			if !ok {
				failed = true
			}
			if less {
				return -1
			}
			if more, _ := boolOf(apply(lambdas[0], b, a)); more {
				return 1
			}
			return 0
		})
		if failed {
			return fail
		}
		return cty.TupleVal(out).WithMarks(marks)
	case "toobject", "groupby":
		return e.keyed(name, lambdas, elems, apply, fail)
	}
	return fail
}

// keyed is toObject(array, key => ..., [value => ...]) and groupBy(array, key => ...).
func (e *fileEval) keyed(name string, lambdas []*syntax.Lambda, elems []cty.Value, apply func(*syntax.Lambda, ...cty.Value) cty.Value, fail cty.Value) cty.Value {
	out := map[string]cty.Value{}
	groups := map[string][]cty.Value{}
	for _, el := range elems {
		k, _ := apply(lambdas[0], el).Unmark()
		key, ok := str(k)
		if !ok {
			return fail
		}
		if name == "groupby" {
			groups[key] = append(groups[key], el)
			continue
		}
		v := el
		if len(lambdas) > 1 {
			v = apply(lambdas[1], el)
		}
		out[key] = v
	}
	for k, g := range groups {
		out[k] = cty.TupleVal(g)
	}
	return cty.ObjectVal(out)
}

// load reads loadTextContent, loadJsonContent and loadFileAsBase64 from the file the path names beside
// the .bicep file, as Bicep does when it compiles. The file must lie in the repository of the root file
// being scanned (its folder, outside a repository): a .bicep file in a pull request must not make the scan
// read, and its messages quote, files elsewhere on the machine, such as /proc/self/environ.
func (e *fileEval) load(name string, c *syntax.Call, sc *scope) cty.Value {
	args := e.args(c.Args, sc)
	if len(args) == 0 {
		return unknown(args...)
	}
	p, ok := str(args[0])
	if !ok {
		return unknown(args...)
	}
	path := filepath.Join(filepath.Dir(e.pf.path), filepath.FromSlash(p))
	data, err := repo.ReadFile(filepath.Dir(e.stack[0]), path, maxLoadedFile)
	if err != nil {
		e.warnAt(c.Rng, "File not loaded", fmt.Sprintf("%v, so the value of %s() is unknown here.", err, identName(c.Name)))
		return unknown(args...)
	}
	switch name {
	case "loadtextcontent":
		return cty.StringVal(string(data))
	case "loadfileasbase64":
		return cty.StringVal(base64.StdEncoding.EncodeToString(data))
	}
	ty, err := ctyjson.ImpliedType(data)
	if err != nil {
		e.warnAt(c.Rng, "File not loaded", fmt.Sprintf("%s is not valid JSON (%v), so the value of %s() is unknown here.", path, err, identName(c.Name)))
		return unknown(args...)
	}
	v, err := ctyjson.Unmarshal(data, ty)
	if err != nil {
		return unknown(args...)
	}
	if len(args) > 1 {
		if jp, ok := str(args[1]); ok && jp != "" && jp != "$" {
			return jsonPath(v, jp)
		}
	}
	return v
}

// jsonPath follows the simple JSONPath loadJsonContent() takes: $.a.b[0].c; anything fancier is unknown.
func jsonPath(v cty.Value, path string) cty.Value {
	path = strings.TrimPrefix(path, "$")
	for path != "" {
		switch {
		case strings.HasPrefix(path, "."):
			path = path[1:]
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			v, path = member(v, cty.StringVal(path[:end]), false), path[end:]
		case strings.HasPrefix(path, "["):
			end := strings.Index(path, "]")
			if end < 0 {
				return cty.DynamicVal
			}
			key := strings.Trim(path[1:end], `'"`)
			if n, err := cty.ParseNumberVal(key); err == nil {
				v = member(v, n, false)
			} else {
				v = member(v, cty.StringVal(key), false)
			}
			path = path[end+1:]
		default:
			return cty.DynamicVal
		}
	}
	return v
}
