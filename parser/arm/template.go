package arm

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/arm/armexpr"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

const (
	// maxNesting bounds nested deployments, which could otherwise repeat without end.
	maxNesting = 32
	// maxCopies bounds what one copy loop creates; past it the loop is evaluated once, its index unknown.
	maxCopies = 800
)

// template evaluates one template: a file, or an inline template nested in a deployment resource.
type template struct {
	root *Node
	out  *Result
	// outer is the template whose parameters and variables an outer-scope nested template sees.
	outer *template
	via   []hcl.Range
	depth int

	params    map[string]*param
	variables map[string]*variable
	loops     []copyLoop
	// base are the copy loops in force where the template is deployed: an outer-scope nested template's
	// parent's. A resource's own loop comes on top.
	base []copyLoop
	// cutAt is where a syntax error stopped the reader; a resource that reaches it was cut short.
	cutAt *hcl.Pos

	// identities are the identities of top-level resources worked out so far, for symbolic references.
	identities map[identityKey]*identity
	// declared are the template's resources and nested deployments, for what dependsOn names.
	declared []*declaration
}

type param struct {
	name     string
	node     *Node // the declaration
	value    cty.Value
	resolved bool
	busy     bool
}

type variable struct {
	node     *Node
	copySpec *Node // for a variable made by a variables-level copy loop
	value    cty.Value
	resolved bool
	busy     bool
}

// copyLoop is one copy loop in force; an unknown index stands for every iteration.
type copyLoop struct {
	name  string
	index int
	known bool
}

func newTemplate(root *Node, out *Result, cutAt *hcl.Pos) *template {
	return &template{root: root, out: out, cutAt: cutAt}
}

// evaluate declares the template's parameters (with the values given by lower-case name) and variables,
// reads its resources, and then what each depends on.
func (t *template) evaluate(given map[string]cty.Value) {
	t.base = slices.Clone(t.loops)
	t.identities = map[identityKey]*identity{}
	if t.outer == nil {
		t.params = map[string]*param{}
		if params := t.root.Get("parameters"); params != nil {
			for _, m := range params.Members {
				p := &param{name: m.Name, node: m.Value}
				// A null given to a parameter with a default leaves the default in force.
				if v, ok := given[strings.ToLower(m.Name)]; ok && (!isNull(v) || m.Value.Get("defaultValue") == nil) {
					p.value, p.resolved = v, true
				}
				t.params[strings.ToLower(m.Name)] = p
			}
		}
		t.variables = map[string]*variable{}
		if vars := t.root.Get("variables"); vars != nil {
			for _, m := range vars.Members {
				if strings.EqualFold(m.Name, "copy") && m.Value.Kind == Array {
					for _, spec := range m.Value.Elems {
						if name := spec.Get("name"); name != nil && name.Kind == String {
							t.variables[strings.ToLower(name.Text)] = &variable{copySpec: spec}
						}
					}
					continue
				}
				t.variables[strings.ToLower(m.Name)] = &variable{node: m.Value}
			}
		}
	}
	resources := t.root.Get("resources")
	switch {
	case resources == nil:
	case resources.Kind == Array:
		for _, r := range resources.Elems {
			t.resource(r, "", nil)
		}
	case resources.Kind == Object: // languageVersion 2.0: keyed by symbolic name
		for _, m := range resources.Members {
			t.resource(m.Value, m.Name, nil)
		}
	}
	t.finish()
}

// Parameter answers parameters('name') for expressions.
func (t *template) Parameter(name string) (cty.Value, bool) {
	if t.outer != nil {
		return t.outer.Parameter(name)
	}
	p, ok := t.params[strings.ToLower(name)]
	if !ok {
		return cty.NilVal, false
	}
	if p.resolved {
		return p.value, true
	}
	if p.busy {
		t.cycle(p.node, "parameters('"+p.name+"')")
		return cty.DynamicVal, true
	}
	p.busy = true
	defer func() { p.busy = false }()
	if def := p.node.Get("defaultValue"); def != nil {
		p.value = t.cty(def)
	} else if nullable := p.node.Get("nullable"); nullable != nil && nullable.Kind == Bool && nullable.Bool {
		p.value = cty.NullVal(cty.DynamicPseudoType) // Bicep's optional parameter (param x string?): null when not given
	} else {
		p.value = cty.DynamicVal.Mark(model.Ref{Kind: model.InputRef, Address: "parameters('" + p.name + "')"})
	}
	p.resolved = true
	return p.value, true
}

// Variable answers variables('name') for expressions.
func (t *template) Variable(name string) (cty.Value, bool) {
	if t.outer != nil {
		return t.outer.Variable(name)
	}
	v, ok := t.variables[strings.ToLower(name)]
	if !ok {
		return cty.NilVal, false
	}
	if v.resolved {
		return v.value, true
	}
	if v.busy {
		t.cycle(v.node, "variables('"+name+"')")
		return cty.DynamicVal, true
	}
	v.busy = true
	defer func() { v.busy = false }()
	if v.copySpec != nil {
		v.value = t.copyArray(v.copySpec)
	} else {
		v.value = t.cty(v.node)
	}
	v.resolved = true
	return v.value, true
}

// cycle reports a parameter or variable whose value depends on itself, which ARM rejects.
func (t *template) cycle(n *Node, what string) {
	if n == nil {
		return
	}
	t.out.Diagnostics = append(t.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Dependency cycle",
		Detail: what + " depends on itself; ARM rejects such a template, so its value is unknown here.", Subject: n.Range.Ptr()})
}

// CopyIndex answers copyIndex() for expressions: the innermost loop, or the one named.
func (t *template) CopyIndex(loop string) (int, bool) {
	for i := len(t.loops) - 1; i >= 0; i-- {
		if l := t.loops[i]; loop == "" || strings.EqualFold(l.name, loop) {
			return l.index, l.known
		}
	}
	return 0, false
}

// eval evaluates a JSON string: an expression, or a literal.
func (t *template) eval(n *Node) cty.Value {
	text, isExpr := armexpr.Split(n.Text)
	if !isExpr {
		return cty.StringVal(text)
	}
	e, err := armexpr.Parse(text)
	if err != nil {
		t.out.Diagnostics = append(t.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Invalid expression",
			Detail: fmt.Sprintf("%v; the value is taken as unknown.", err), Subject: n.Range.Ptr()})
		return cty.DynamicVal
	}
	v, problems := armexpr.Eval(e, t)
	for _, p := range problems {
		t.out.Diagnostics = append(t.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid template",
			Detail: p + "; ARM would reject the deployment.", Subject: n.Range.Ptr()})
	}
	return v
}

// cty evaluates a JSON value: expressions in its strings, property copy loops in its objects.
func (t *template) cty(n *Node) cty.Value {
	switch n.Kind {
	case String:
		return t.eval(n)
	case Array:
		elems := make([]cty.Value, len(n.Elems))
		for i, e := range n.Elems {
			elems[i] = t.cty(e)
		}
		return cty.TupleVal(elems)
	case Object:
		attrs := map[string]cty.Value{}
		for _, m := range n.Members {
			if isPropertyCopy(m) {
				for _, spec := range m.Value.Elems {
					if name := spec.Get("name"); name != nil && name.Kind == String {
						attrs[name.Text] = t.copyArray(spec)
					}
				}
				continue
			}
			attrs[m.Name] = t.cty(m.Value)
		}
		return cty.ObjectVal(attrs)
	}
	return literal(n)
}

// isPropertyCopy reports whether a member is a property copy loop: "copy": [{name, count, input}].
func isPropertyCopy(m Member) bool {
	return strings.EqualFold(m.Name, "copy") && m.Value.Kind == Array && len(m.Value.Elems) > 0 && m.Value.Elems[0].Get("input") != nil
}

// copyArray evaluates a copy loop's input once per iteration: {name, count, input}.
func (t *template) copyArray(spec *Node) cty.Value {
	var elems []cty.Value
	input, known := t.iterate(spec, func(input *Node) { elems = append(elems, t.cty(input)) })
	switch {
	case input == nil:
		return cty.DynamicVal
	case !known:
		t.loops = append(t.loops, copyLoop{name: loopName(spec)})
		defer func() { t.loops = t.loops[:len(t.loops)-1] }()
		return cty.DynamicVal.WithMarks(unknownMarks(t.cty(input)))
	}
	return cty.TupleVal(elems)
}

// iterate calls each with a copy loop's input once per iteration, copyIndex in force, when the count is
// known. It returns the input (nil when the loop has none) and whether the count was known.
func (t *template) iterate(spec *Node, each func(input *Node)) (*Node, bool) {
	input := spec.Get("input")
	if input == nil {
		return nil, false
	}
	count, known := t.count(spec.Get("count"))
	if !known {
		return input, false
	}
	name := loopName(spec)
	for i := range count {
		t.loops = append(t.loops, copyLoop{name: name, index: i, known: true})
		each(input)
		t.loops = t.loops[:len(t.loops)-1]
	}
	return input, true
}

func loopName(spec *Node) string {
	if n := spec.Get("name"); n != nil {
		return n.Text
	}
	return ""
}

func unknownMarks(v cty.Value) cty.ValueMarks {
	_, marks := v.UnmarkDeep()
	return marks
}

// count evaluates a copy count.
func (t *template) count(n *Node) (int, bool) {
	if n == nil {
		return 0, false
	}
	v := t.cty(n)
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() || v.IsNull() {
		return 0, false
	}
	if v.Type() == cty.String {
		if parsed, err := cty.ParseNumberVal(v.AsString()); err == nil {
			v = parsed
		}
	}
	if v.Type() != cty.Number {
		return 0, false
	}
	c, acc := v.AsBigFloat().Int64()
	if acc != big.Exact || c < 0 || c > maxCopies {
		t.out.Diagnostics = append(t.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Invalid copy count",
			Detail:  fmt.Sprintf("A copy count must be a whole number from 0 to %d; ARM rejects this one, so the loop is read once with an unknown index.", maxCopies),
			Subject: n.Range.Ptr()})
		return 0, false
	}
	return int(c), true
}

// parent is the resource a nested child resource belongs to.
type parent struct {
	// typ and label make the parent's address, which a child's address extends.
	typ, label string
	// names are the segments of the parent's name, "?" for one known only at deployment.
	names []string
}

// resource reads one resource and its copies. symbol is its name in a languageVersion 2.0 template.
func (t *template) resource(n *Node, symbol string, within *parent) {
	if n == nil || n.Kind != Object {
		return
	}
	if t.cutAt != nil && n.Range.End.Byte >= t.cutAt.Byte {
		return // what the reader recovered may lack the settings that make it secure
	}
	if isExisting(n) {
		return // a resource deployed elsewhere is judged where it is defined
	}
	spec := n.Get("copy")
	if spec == nil || spec.Kind != Object {
		t.instance(n, symbol, within, "")
		return
	}
	name := loopName(spec)
	count, known := t.count(spec.Get("count"))
	if !known {
		t.loops = append(t.loops, copyLoop{name: name})
		t.instance(n, symbol, within, "")
		t.loops = t.loops[:len(t.loops)-1]
		return
	}
	for i := range count {
		t.loops = append(t.loops, copyLoop{name: name, index: i, known: true})
		t.instance(n, symbol, within, fmt.Sprintf("[%d]", i))
		t.loops = t.loops[:len(t.loops)-1]
	}
}

func isExisting(n *Node) bool {
	existing := n.Get("existing")
	return existing != nil && existing.Kind == Bool && existing.Bool
}

// metaMembers are a resource's members that are ARM's instructions, not properties of the resource.
var metaMembers = []string{"type", "apiversion", "copy", "condition", "dependson", "comments", "resources", "existing", "metadata", "scope"}

func (t *template) instance(n *Node, symbol string, within *parent, suffix string) {
	if !t.deployed(n) {
		return
	}
	ident, ok := t.identify(n, symbol, within, suffix)
	if !ok {
		return
	}
	if strings.EqualFold(ident.typ, deploymentsType) {
		t.nested(n, ident)
		return
	}
	r := &model.Resource{
		Type:     ident.id.Type,
		Address:  ident.address(),
		NameExpr: ident.nameExpr,
		Range:    ident.header,
		Body:     model.NewObject(n.Range, model.Set),
		Language: model.ARM,
		Via:      slices.Clone(t.via),
		ID:       ident.id,
	}
	if v := n.Get("apiVersion"); v != nil && v.Kind == String {
		r.APIVersion, _ = knownString(t.eval(v))
	}
	for _, m := range n.Members {
		switch lower := strings.ToLower(m.Name); {
		case lower == "scope":
			r.Scope, r.ID.Scope = t.scope(m)
		case !slices.Contains(metaMembers, lower):
			r.Body.Put(m.Name, t.build(m.Value, memberRange(m)))
		}
	}
	t.out.Resources = append(t.out.Resources, r)
	d := &declaration{symbol: symbol, address: r.Address, id: r.ID, resource: r}
	d.after, d.names = t.dependsOn(n)
	t.declared = append(t.declared, d)
	if children := n.Get("resources"); children != nil && children.Kind == Array {
		for _, c := range children.Elems {
			t.resource(c, "", &parent{typ: ident.typ, label: ident.label, names: ident.names})
		}
	}
}

// deployed reports whether a resource's or output's condition leaves it in: true unless known false.
func (t *template) deployed(n *Node) bool {
	cond := n.Get("condition")
	if cond == nil {
		return true
	}
	v, _ := t.cty(cond).UnmarkDeep()
	return !v.IsKnown() || v.IsNull() || v.Type() != cty.Bool || v.True()
}

func memberRange(m Member) hcl.Range { return hcl.RangeBetween(m.NameRange, m.Value.Range) }

func isNull(v cty.Value) bool {
	u, _ := v.Unmark()
	return u.IsKnown() && u.IsNull()
}

func knownString(v cty.Value) (string, bool) {
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// build turns a JSON value into a model value whose nodes keep the range of the member that wrote them;
// what an expression computes takes the expression's range.
func (t *template) build(n *Node, rng hcl.Range) *model.Value {
	switch n.Kind {
	case String:
		return model.FromCty(t.eval(n), rng, model.Set)
	case Array:
		elems := make([]*model.Value, len(n.Elems))
		for i, e := range n.Elems {
			elems[i] = t.build(e, e.Range)
		}
		return model.NewList(rng, model.Set, elems...)
	case Object:
		obj := model.NewObject(rng, model.Set)
		for _, m := range n.Members {
			if isPropertyCopy(m) {
				for _, spec := range m.Value.Elems {
					if name := spec.Get("name"); name != nil && name.Kind == String {
						obj.Put(name.Text, t.copyList(spec, memberRange(m)))
					}
				}
				continue
			}
			obj.Put(m.Name, t.build(m.Value, memberRange(m)))
		}
		return obj
	}
	return model.FromCty(literal(n), rng, model.Set)
}

// copyList builds a property copy loop's array, each element at the input's range.
func (t *template) copyList(spec *Node, rng hcl.Range) *model.Value {
	var elems []*model.Value
	if _, known := t.iterate(spec, func(input *Node) { elems = append(elems, t.build(input, input.Range)) }); !known {
		return model.NewUnknown(rng)
	}
	return model.NewList(rng, model.Set, elems...)
}

// nested reads a Microsoft.Resources/deployments resource with an inline template, what Bicep modules
// compile to. With the inner scope the template sees its own parameters, given by the deployment; with
// the outer scope (the default) its expressions see the parent template's. What it deploys is deployed
// after what the deployment depends on and what its parameters read.
func (t *template) nested(n *Node, ident identity) {
	d := &declaration{symbol: ident.symbol, address: ident.address(), id: ident.id}
	d.after, d.names = t.dependsOn(n)
	t.declared = append(t.declared, d)
	props := n.Get("properties")
	inner := props.Get("template")
	if inner == nil || inner.Kind != Object {
		if props.Get("templateLink") != nil {
			t.out.Diagnostics = append(t.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Linked template skipped",
				Detail:  "This deployment links to a template elsewhere; aigate does not fetch it, so its resources are not scanned.",
				Subject: ident.header.Ptr()})
		}
		return
	}
	if t.depth >= maxNesting {
		t.out.Diagnostics = append(t.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Deployments nested too deep",
			Detail: fmt.Sprintf("This deployment is nested %d deep; aigate stops there.", t.depth+1), Subject: ident.header.Ptr()})
		return
	}
	child := &template{root: inner, out: t.out, cutAt: t.cutAt, via: append(slices.Clone(t.via), ident.header), depth: t.depth + 1}
	var given map[string]cty.Value
	if scope := props.Path("expressionEvaluationOptions.scope"); scope == nil || !strings.EqualFold(scope.Text, "inner") {
		child.outer = t.scopeRoot()
		child.loops = slices.Clone(t.loops)
	} else {
		given = t.deploymentParameters(props.Get("parameters"), d)
	}
	before := len(t.out.Resources)
	child.evaluate(given)
	d.contents = slices.Clone(t.out.Resources[before:])
}

// deploymentParameters evaluates the parameters an inner-scope deployment gives its template, by lower-case
// name, and adds what they read to what the deployment depends on.
func (t *template) deploymentParameters(params *Node, d *declaration) map[string]cty.Value {
	given := map[string]cty.Value{}
	if params == nil {
		return given
	}
	for _, m := range params.Members {
		v := cty.DynamicVal.Mark(model.Ref{Kind: model.DataRef, Address: "parameters('" + m.Name + "')"})
		if value := m.Value.Get("value"); value != nil {
			v = t.cty(value)
			d.reads = append(d.reads, resourceRefs(v)...)
		}
		given[strings.ToLower(m.Name)] = v
	}
	return given
}

// outputs reads the template's outputs: what the deployment returns.
func (t *template) outputs() []*model.Output {
	outs := t.root.Get("outputs")
	if outs == nil || outs.Kind != Object {
		return nil
	}
	var out []*model.Output
	for _, m := range outs.Members {
		if m.Value.Kind != Object || !t.deployed(m.Value) {
			continue
		}
		o := &model.Output{Name: m.Name, Address: "outputs." + m.Name, Range: memberRange(m), Language: model.ARM}
		if typ := m.Value.Get("type"); typ != nil && typ.Kind == String {
			o.Sensitive = strings.EqualFold(typ.Text, "securestring") || strings.EqualFold(typ.Text, "secureObject")
		}
		for _, vm := range m.Value.Members {
			switch {
			case strings.EqualFold(vm.Name, "value"):
				o.Value = t.build(vm.Value, memberRange(vm))
			case strings.EqualFold(vm.Name, "copy") && vm.Value.Kind == Object:
				o.Value = t.copyList(vm.Value, memberRange(vm))
			}
		}
		out = append(out, o)
	}
	return out
}

// scopeRoot is the template whose parameters and variables t's expressions see.
func (t *template) scopeRoot() *template {
	if t.outer != nil {
		return t.outer
	}
	return t
}
