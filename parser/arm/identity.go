package arm

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/arm/armexpr"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

const deploymentsType = "Microsoft.Resources/deployments"

// identity is who a resource declaration is: its type, what its address calls it, and its ID.
type identity struct {
	symbol string
	// typ is the type as declared, a nested child's completed with its parent's.
	typ string
	// label is the name, or what stands for it when it is known only at deployment: the symbolic name,
	// else the name's expression, with the copy index.
	label    string
	nameExpr string
	// names are the segments of the name, one per level of typ, "?" for one known only at deployment.
	names  []string
	header hcl.Range
	id     model.ResourceID
}

// address is what Resource.Address calls the resource: its type and label.
func (i *identity) address() string { return i.typ + "/" + i.label }

// identityKey is a top-level resource declaration, with the copy index of one instance.
type identityKey struct {
	node   *Node
	suffix string
}

// identify works out who a resource declaration is, with the copy loops in force. ok is false when its
// type is not known. A top-level declaration's identity is kept, for reference() to ask again.
func (t *template) identify(n *Node, symbol string, within *parent, suffix string) (identity, bool) {
	key := identityKey{n, suffix}
	if within == nil {
		if known, seen := t.identities[key]; seen {
			if known == nil { // its name refers to itself; ARM rejects that
				return identity{}, false
			}
			return *known, true
		}
		t.identities[key] = nil
	}
	ident, ok := t.readIdentity(n, symbol, within, suffix)
	if within == nil && ok {
		t.identities[key] = &ident
	}
	return ident, ok
}

func (t *template) readIdentity(n *Node, symbol string, within *parent, suffix string) (identity, bool) {
	typeNode := n.Get("type")
	if typeNode == nil || typeNode.Kind != String {
		return identity{}, false
	}
	typ, ok := knownString(t.eval(typeNode))
	if !ok {
		return identity{}, false
	}
	nameNode := n.Get("name")
	name, nameKnown := "", false
	if nameNode != nil && nameNode.Kind == String {
		name, nameKnown = knownString(t.eval(nameNode))
	}
	var segments, parentNames []string
	switch {
	case nameKnown:
		segments = strings.Split(name, "/")
	case nameNode != nil && nameNode.Kind == String:
		segments = t.nameSegments(nameNode.Text)
	}
	if within != nil {
		if !strings.Contains(typ, "/") || !strings.HasPrefix(strings.ToLower(typ), "microsoft.") {
			typ = within.typ + "/" + typ
		}
		if nameKnown && strings.Count(name, "/") < strings.Count(typ, "/")-1 {
			name = within.label + "/" + name
		}
		parentNames = within.names
	}
	ident := identity{symbol: symbol, typ: typ, label: name, header: typeNode.Range}
	if i := slices.IndexFunc(n.Members, func(m Member) bool { return strings.EqualFold(m.Name, "type") }); i >= 0 {
		ident.header = hcl.RangeBetween(n.Members[i].NameRange, typeNode.Range)
	}
	if !nameKnown {
		ident.label = symbol
		if nameNode != nil {
			ident.nameExpr = nameNode.Text
		}
		if ident.label == "" {
			ident.label = ident.nameExpr
		}
		ident.label += suffix
	}
	ident.names = fitSegments(segments, parentNames, strings.Count(typ, "/"))
	ident.id = extensionID(typ, ident.names)
	return ident, true
}

// nameSegments are the segments of a name known only at deployment, "?" for each unknown one; nil when
// nothing tells where its separators fall.
func (t *template) nameSegments(text string) []string {
	text, isExpr := armexpr.Split(text)
	if !isExpr {
		return strings.Split(text, "/")
	}
	e, err := armexpr.Parse(text)
	if err != nil {
		return nil
	}
	segments, _ := armexpr.NameSegments(e, t)
	return segments
}

// fitSegments gives a name one segment per level of its type: a nested child that names only itself
// gets its parent's segments before its own; a name of which too little is known gets "?" where the
// parent's do not reach. A known name of the wrong length is left as it is: ARM rejects it.
func fitSegments(segments, parentNames []string, levels int) []string {
	switch {
	case len(segments) == levels:
		return segments
	case segments != nil && len(parentNames)+len(segments) == levels:
		return slices.Concat(parentNames, segments)
	case segments != nil && !slices.Contains(segments, "?"):
		return segments
	case len(parentNames) < levels:
		return slices.Concat(parentNames, slices.Repeat([]string{"?"}, levels-len(parentNames)))
	}
	return slices.Repeat([]string{"?"}, levels)
}

// extensionID makes a resource's ID from its type and name segments. It reads the old form of an
// extension resource, type Microsoft.X/a/providers/t named n/Microsoft.Y/m, as what it is:
// Microsoft.Y/t named m, extending Microsoft.X/a/n.
func extensionID(typ string, names []string) model.ResourceID {
	types := strings.Split(typ, "/")
	plain := model.ResourceID{Type: typ, Name: strings.Join(names, "/")}
	i := slices.IndexFunc(types, func(s string) bool { return strings.EqualFold(s, "providers") })
	if i < 2 || i+1 >= len(types) || len(names) != len(types)-1 || !strings.Contains(names[i-1], ".") {
		return plain
	}
	scope := model.ResourceID{Type: strings.Join(types[:i], "/"), Name: strings.Join(names[:i-1], "/")}
	return model.ResourceID{Scope: &scope, Type: names[i-1] + "/" + strings.Join(types[i+1:], "/"), Name: strings.Join(names[i:], "/")}
}

// Resource answers a languageVersion 2.0 symbolic name for expressions, reference('acct') or
// reference('accts[1]'): a ref to the resource's address, a DataRef for an existing resource. A nested
// deployment's ref stands, in what dependsOn comes to, for what it deploys (see finish).
func (t *template) Resource(symbol string) (model.Ref, bool) {
	ident, n, ok := t.symbolIdentity(symbol)
	if !ok {
		return model.Ref{}, false
	}
	return symbolRef(ident, n), true
}

func symbolRef(ident identity, n *Node) model.Ref {
	if isExisting(n) {
		return model.Ref{Kind: model.DataRef, Address: ident.address()}
	}
	return model.Ref{Kind: model.ResourceRef, Address: ident.address()}
}

// symbolIdentity is the identity of the resource a symbolic name, with an optional copy index, stands for.
func (t *template) symbolIdentity(symbol string) (identity, *Node, bool) {
	resources := t.root.Get("resources")
	if resources == nil || resources.Kind != Object {
		return identity{}, nil, false
	}
	name, index, indexed := splitIndex(symbol)
	i := slices.IndexFunc(resources.Members, func(m Member) bool { return strings.EqualFold(m.Name, name) })
	if i < 0 || resources.Members[i].Value.Kind != Object {
		return identity{}, nil, false
	}
	m := resources.Members[i]
	saved := t.loops
	defer func() { t.loops = saved }()
	t.loops = slices.Clone(t.base)
	suffix := ""
	if spec := m.Value.Get("copy"); spec != nil && spec.Kind == Object {
		loop := copyLoop{name: loopName(spec)}
		if indexed {
			loop.index, loop.known = index, true
			suffix = fmt.Sprintf("[%d]", index)
		}
		t.loops = append(t.loops, loop)
	}
	ident, ok := t.identify(m.Value, m.Name, nil, suffix)
	return ident, m.Value, ok
}

// splitIndex reads accts[1] as accts and 1.
func splitIndex(symbol string) (name string, index int, indexed bool) {
	open := strings.IndexByte(symbol, '[')
	if open < 0 || !strings.HasSuffix(symbol, "]") {
		return symbol, 0, false
	}
	i, err := strconv.Atoi(symbol[open+1 : len(symbol)-1])
	if err != nil || i < 0 || i >= maxCopies {
		return symbol, 0, false
	}
	return symbol[:open], i, true
}

// scope reads an extension resource's scope member: its value, which names what it extends by a ref, and
// that resource's ID when it is known. A languageVersion 2.0 template may give it by symbolic name.
func (t *template) scope(m Member) (*model.Value, *model.ResourceID) {
	rng := memberRange(m)
	if m.Value.Kind != String {
		return t.build(m.Value, rng), nil
	}
	text, isExpr := armexpr.Split(m.Value.Text)
	if !isExpr {
		if ident, n, ok := t.symbolIdentity(text); ok {
			return model.FromCty(cty.StringVal(text).Mark(symbolRef(ident, n)), rng, model.Set), &ident.id
		}
	}
	v := t.build(m.Value, rng)
	id, ok := t.resourceIDOf(m.Value.Text)
	if !ok {
		return v, nil
	}
	if !slices.ContainsFunc(v.Refs, func(r model.Ref) bool { return r.Kind == model.IDRef || r.Kind == model.ResourceRef }) {
		v.Refs = model.SortedRefs(append(v.Refs, model.Ref{Kind: model.IDRef, Address: id.String()}))
	}
	return v, &id
}

// resourceIDOf reads the resource ID a JSON string, literal or expression, holds.
func (t *template) resourceIDOf(text string) (model.ResourceID, bool) {
	text, isExpr := armexpr.Split(text)
	if !isExpr {
		return model.ParseResourceID(text)
	}
	e, err := armexpr.Parse(text)
	if err != nil {
		return model.ResourceID{}, false
	}
	return armexpr.ResourceIDOf(e, t)
}

// resourceRefs are the refs to resources among a value's marks.
func resourceRefs(v cty.Value) []model.Ref {
	_, marks := v.UnmarkDeep()
	return slices.DeleteFunc(model.RefsOf(marks), func(r model.Ref) bool {
		return r.Kind != model.ResourceRef && r.Kind != model.IDRef
	})
}

// declaration is a resource or a nested deployment of a template, as dependsOn can name it.
type declaration struct {
	symbol  string
	address string
	id      model.ResourceID
	// resource is nil for a nested deployment.
	resource *model.Resource
	// contents are what a nested deployment deploys, with what its own nested deployments do.
	contents []*model.Resource
	// after are what dependsOn names by ID; names what it names by name or symbolic name, resolved once
	// the template is read.
	after []model.Ref
	names []string
	// reads are what a deployment's parameters read.
	reads []model.Ref
}

// dependsOn reads a declaration's dependsOn: IDs (resourceId(), literal) as refs; names and symbolic
// names, which may come later in the template, to be resolved by finish.
func (t *template) dependsOn(n *Node) (refs []model.Ref, names []string) {
	list := n.Get("dependsOn")
	if list == nil || list.Kind != Array {
		return nil, nil
	}
	for _, e := range list.Elems {
		if e.Kind != String {
			continue
		}
		text, isExpr := armexpr.Split(e.Text)
		if isExpr {
			v := t.eval(e)
			s, known := knownString(v)
			if !known {
				named := resourceRefs(v)
				if id, ok := t.resourceIDOf(e.Text); ok && len(named) == 0 {
					named = append(named, model.Ref{Kind: model.IDRef, Address: id.String()})
				}
				refs = append(refs, named...)
				continue
			}
			text = s
		}
		if id, ok := model.ParseResourceID(text); ok {
			refs = append(refs, model.Ref{Kind: model.IDRef, Address: id.String()})
			continue
		}
		names = append(names, text)
	}
	return refs, names
}

// finish settles what each resource of the template depends on, now that all it declares is known:
// dependsOn by name, symbolic name or ID, and what a resource reads of a nested deployment (its
// outputs), become refs to resources. A nested deployment stands for what it deploys, and hands what it
// depends on to all of that.
func (t *template) finish() {
	for _, d := range t.declared {
		deps := slices.Concat(t.inTemplate(d.after, true), t.byName(d.names), t.inTemplate(d.reads, false))
		if d.resource == nil {
			for _, r := range d.contents {
				r.DependsOn = model.SortedRefs(append(r.DependsOn, deps...))
			}
			continue
		}
		for _, ref := range d.resource.Body.AllRefs() {
			for _, dep := range t.deployments(ref) {
				deps = append(deps, dep.refs()...)
			}
		}
		d.resource.DependsOn = model.SortedRefs(append(d.resource.DependsOn, deps...))
	}
}

// byName resolves dependsOn entries that name a resource or deployment of the template: by symbolic
// name, else by full name, else by the last segment of the name.
func (t *template) byName(names []string) []model.Ref {
	var refs []model.Ref
	for _, name := range names {
		for _, key := range []func(d *declaration) string{
			func(d *declaration) string { return d.symbol },
			func(d *declaration) string { return d.id.Name },
			func(d *declaration) string { return d.id.LastName() },
		} {
			matched := t.declaredWhere(func(d *declaration) bool { return strings.EqualFold(key(d), name) })
			for _, d := range matched {
				refs = append(refs, d.refs()...)
			}
			if len(matched) > 0 {
				break
			}
		}
	}
	return refs
}

func (t *template) declaredWhere(keep func(d *declaration) bool) []*declaration {
	var out []*declaration
	for _, d := range t.declared {
		if keep(d) {
			out = append(out, d)
		}
	}
	return out
}

// inTemplate resolves refs against the template: one to a nested deployment stands for what it deploys.
// A dependsOn entry must name something of the template (ARM rejects it otherwise), so with fromDependsOn
// an ID with unknown segments that fits one declaration only is that one.
func (t *template) inTemplate(refs []model.Ref, fromDependsOn bool) []model.Ref {
	var out []model.Ref
	for _, ref := range refs {
		if deployments := t.deployments(ref); len(deployments) > 0 {
			for _, d := range deployments {
				out = append(out, d.refs()...)
			}
			continue
		}
		if fromDependsOn && ref.Kind == model.IDRef {
			if id, ok := model.ParseResourceID(ref.Address); ok && !id.Known() {
				if fits := t.fitting(id); len(fits) == 1 {
					out = append(out, fits[0].refs()...)
					continue
				}
			}
		}
		out = append(out, ref)
	}
	return out
}

// deployments finds the nested deployments of the template a ref names: by address, every copy; by an
// ID with unknown segments, the one it fits if only one does.
func (t *template) deployments(ref model.Ref) []*declaration {
	switch ref.Kind {
	case model.ResourceRef:
		return t.declaredWhere(func(d *declaration) bool { return d.resource == nil && ref.Targets(d.address) })
	case model.IDRef:
		id, ok := model.ParseResourceID(ref.Address)
		if !ok || !strings.EqualFold(id.Type, deploymentsType) {
			return nil
		}
		if fits := t.fitting(id); id.Known() || len(fits) == 1 {
			return fits
		}
	}
	return nil
}

// fitting returns the declarations whose ID the given one may be: the same type, and the same name where
// both are known.
func (t *template) fitting(id model.ResourceID) []*declaration {
	want := strings.Split(id.Name, "/")
	return t.declaredWhere(func(d *declaration) bool {
		return strings.EqualFold(d.id.Type, id.Type) && agree(strings.Split(d.id.Name, "/"), want)
	})
}

// agree reports whether two names may be the same: as long, and equal in every segment both know.
func agree(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != "?" && b[i] != "?" && !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// refs are what a dependency on the declaration comes to: the resource, or what a deployment deploys.
func (d *declaration) refs() []model.Ref {
	if d.resource != nil {
		return []model.Ref{{Kind: model.ResourceRef, Address: d.address}}
	}
	refs := make([]model.Ref, len(d.contents))
	for i, r := range d.contents {
		refs[i] = model.Ref{Kind: model.ResourceRef, Address: r.Address}
	}
	return refs
}
