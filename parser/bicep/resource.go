package bicep

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/bicep/syntax"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// expansion is how a resource or module declaration expands: to one instance, to one per loop item, or,
// when the loop's collection is unknown, to one that stands for all of them.
type expansion struct {
	looped bool
	// known is false for a loop whose collection is unknown.
	known bool
	// marks are those of the loop's collection.
	marks cty.ValueMarks
}

// declared is one instance of a declaration: its address, the names its loop binds, its body and its
// `if` condition (nil when it has none).
type declared struct {
	address string
	scope   *scope
	body    *syntax.Object
	cond    syntax.Expr
}

// expand reads a resource's or module's value: an object, `if (cond) object`, or a loop of either.
func (e *fileEval) expand(value syntax.Expr, address string, sc *scope) (expansion, []declared) {
	instance := func(address string, sc *scope, value syntax.Expr) declared {
		d := declared{address: address, scope: sc}
		if cond, ok := value.(*syntax.If); ok {
			d.cond, value = cond.Cond, cond.Body
		}
		d.body, _ = value.(*syntax.Object)
		return d
	}
	loop, ok := value.(*syntax.For)
	if !ok {
		return expansion{}, []declared{instance(address, sc, value)}
	}
	scopes, known := e.iterations(loop, sc)
	if !known {
		return expansion{looped: true, marks: marksOf(e.eval(loop.Iterable, sc))}, []declared{instance(address, scopes[0], loop.Body)}
	}
	out := make([]declared, len(scopes))
	for i, s := range scopes {
		out[i] = instance(fmt.Sprintf("%s[%d]", address, i), s, loop.Body)
	}
	return expansion{looped: true, known: true}, out
}

// resourceSet is one resource declaration's instances. A nested declaration has a set per instance of
// the resource it is nested in.
type resourceSet struct {
	decl     *syntax.Resource
	address  string
	existing bool
	// parent is the instance a nested declaration belongs to.
	parent *instance

	expansion
	instances []*instance
	resolved  bool
	busy      bool
}

// instance is one resource the file deploys (or, when existing, refers to).
type instance struct {
	declared
	set     *resourceSet
	typ     string
	version string
	// name is the full ARM name (parent/child for a child resource), evaluated once.
	name     cty.Value
	named    bool
	naming   bool
	children map[*syntax.Resource]*resourceSet
	// evaluated holds the body's name and meta properties (parent, scope, dependsOn) once evaluated:
	// naming the resource, identifying it and emitting it each read them, and an error in one is
	// reported once. A nil entry is a property being evaluated.
	evaluated map[string]*cty.Value
	// id is the instance's identity once worked out (see idOf).
	id          *model.ResourceID
	identifying bool
}

// instancesOf resolves a set's instances once. The resources nested in an instance's body are in scope
// there by their bare names.
func (e *fileEval) instancesOf(set *resourceSet) []*instance {
	if set.resolved || set.busy {
		return set.instances
	}
	set.busy = true
	defer func() { set.busy = false; set.resolved = true }()
	typ, version := splitTypeRef(set.decl.TypeRef)
	if set.parent != nil && !strings.Contains(typ, "/") {
		typ = set.parent.typ + "/" + typ
	}
	var sc *scope
	if set.parent != nil {
		sc = set.parent.scope
	}
	var decls []declared
	set.expansion, decls = e.expand(set.decl.Value, set.address, sc)
	for _, d := range decls {
		inst := &instance{declared: d, set: set, typ: typ, version: version}
		for _, item := range itemsOf(inst.body) {
			if child, ok := item.(*syntax.Resource); ok && child.Name != nil {
				inst.scope = inst.scope.withLazy(child.Name.Name, func() cty.Value {
					return e.resourceValue(e.childSet(inst, child))
				})
			}
		}
		set.instances = append(set.instances, inst)
	}
	return set.instances
}

// splitTypeRef splits 'Microsoft.X/y@2024-01-01' into type and api-version.
func splitTypeRef(s *syntax.String) (typ, version string) {
	text, ok := literalString(s)
	if !ok {
		return "", ""
	}
	typ, version, _ = strings.Cut(text, "@")
	return typ, version
}

// ref is the reference mark of an instance or a whole set: a resource the configuration deploys, or an
// existing one, known only at deployment.
func (set *resourceSet) ref(address string) model.Ref {
	if set.existing {
		return model.Ref{Kind: model.DataRef, Address: address}
	}
	return model.Ref{Kind: model.ResourceRef, Address: address}
}

// resourceValue is what a resource's symbolic name evaluates to: a capsule, or a list of them for a loop.
func (e *fileEval) resourceValue(set *resourceSet) cty.Value {
	instances := e.instancesOf(set)
	switch {
	case set.looped && !set.known:
		return cty.DynamicVal.WithMarks(set.marks).Mark(set.ref(set.address))
	case set.looped:
		elems := make([]cty.Value, len(instances))
		for i, inst := range instances {
			elems[i] = capsule(inst)
		}
		return cty.TupleVal(elems)
	case len(instances) == 1:
		return capsule(instances[0])
	}
	return cty.DynamicVal.Mark(set.ref(set.address))
}

func capsule(inst *instance) cty.Value {
	return cty.CapsuleVal(resourceCapsule, inst).Mark(inst.set.ref(inst.address))
}

// resourceProperty is acct.name, acct.type and acct.apiVersion, which the file itself says, or anything
// else (id, properties, listKeys()), which only the deployment knows.
func (e *fileEval) resourceProperty(inst *instance, name string) cty.Value {
	switch strings.ToLower(name) {
	case "name":
		// The name as written: a child's reads 'gpt', not 'account/gpt'.
		if v, p := e.bodyValue(inst, "name"); p != nil {
			return plain(v)
		}
		return cty.UnknownVal(cty.String)
	case "type":
		return cty.StringVal(inst.typ)
	case "apiversion":
		return cty.StringVal(inst.version)
	}
	return cty.DynamicVal
}

// nameOf is the instance's full ARM name: a child's name follows its parent's, parent/child.
func (e *fileEval) nameOf(inst *instance) cty.Value {
	if inst.named {
		return inst.name
	}
	if inst.naming || inst.body == nil {
		return cty.UnknownVal(cty.String)
	}
	inst.naming = true
	defer func() { inst.naming = false }()
	name := cty.UnknownVal(cty.String)
	if v, p := e.bodyValue(inst, "name"); p != nil {
		name = plain(v)
	}
	if parent := e.parentOf(inst); parent != nil {
		name = joinName(e.nameOf(parent), name)
	} else if v, p := e.bodyValue(inst, "parent"); p != nil {
		name = joinName(cty.UnknownVal(cty.String).WithMarks(marksOf(v)), name)
	}
	inst.name, inst.named = name, true
	return name
}

func joinName(parent, child cty.Value) cty.Value {
	p, pm := parent.Unmark()
	c, cm := child.Unmark()
	if !p.IsKnown() || !c.IsKnown() || p.IsNull() || c.IsNull() || p.Type() != cty.String || c.Type() != cty.String {
		return cty.UnknownVal(cty.String).WithMarks(pm, cm)
	}
	return cty.StringVal(p.AsString()+"/"+c.AsString()).WithMarks(pm, cm)
}

// parentOf is the resource an instance is a child of: the one it is nested in, or the one its parent
// property names.
func (e *fileEval) parentOf(inst *instance) *instance {
	if inst.set.parent != nil {
		return inst.set.parent
	}
	v, _ := e.bodyValue(inst, "parent")
	return instanceOf(v)
}

// instanceOf is the resource a value names when it is a resource's symbolic name (or one instance of a
// loop), else nil.
func instanceOf(v cty.Value) *instance {
	u, _ := v.Unmark()
	if u.IsKnown() && !u.IsNull() && u.Type() == resourceCapsule {
		return u.EncapsulatedValue().(*instance)
	}
	return nil
}

// bodyValue evaluates a property of the instance's body once; p is nil when the body does not have it.
func (e *fileEval) bodyValue(inst *instance, name string) (v cty.Value, p *syntax.Property) {
	p = property(inst.body, name)
	if p == nil {
		return cty.NilVal, nil
	}
	switch known, ok := inst.evaluated[name]; {
	case ok && known == nil:
		e.errorAt(p.Rng, "Dependency cycle", fmt.Sprintf("The %s of %s depends on itself; Bicep rejects such a file, so it is unknown here.", name, inst.address))
		return cty.DynamicVal, p
	case ok:
		return *known, p
	}
	if inst.evaluated == nil {
		inst.evaluated = map[string]*cty.Value{}
	}
	inst.evaluated[name] = nil
	v = e.eval(p.Value, inst.scope)
	inst.evaluated[name] = &v
	return v, p
}

// property finds a property of an object literal by name.
func property(obj *syntax.Object, name string) *syntax.Property {
	if obj == nil {
		return nil
	}
	for _, item := range obj.Items {
		if p, ok := item.(*syntax.Property); ok {
			if id, ok := p.Key.(*syntax.Ident); ok && id.Name == name {
				return p
			}
		}
	}
	return nil
}

// childAccess is parent::child, the resource nested in another.
func (e *fileEval) childAccess(x *syntax.ChildAccess, sc *scope) cty.Value {
	v, marks := e.eval(x.X, sc).Unmark()
	if !v.IsKnown() || v.IsNull() || v.Type() != resourceCapsule {
		return cty.DynamicVal.WithMarks(marks)
	}
	parent := v.EncapsulatedValue().(*instance)
	for _, item := range itemsOf(parent.body) {
		if child, ok := item.(*syntax.Resource); ok && identName(child.Name) == x.Name.Name {
			return e.resourceValue(e.childSet(parent, child))
		}
	}
	e.errorAt(x.Name.Rng, "Unknown name", fmt.Sprintf("No resource %q is nested in this one; Bicep rejects the reference.", x.Name.Name))
	return cty.DynamicVal.WithMarks(marks)
}

func itemsOf(obj *syntax.Object) []syntax.ObjectItem {
	if obj == nil {
		return nil
	}
	return obj.Items
}

// childSet is the set of a nested declaration under one instance of its parent. A child nested in an
// existing resource is deployed unless it is declared existing itself, as Bicep deploys a file share
// nested in an existing storage account.
func (e *fileEval) childSet(parent *instance, decl *syntax.Resource) *resourceSet {
	if set, ok := parent.children[decl]; ok {
		return set
	}
	if parent.children == nil {
		parent.children = map[*syntax.Resource]*resourceSet{}
	}
	set := &resourceSet{decl: decl, parent: parent, address: parent.address + "::" + identName(decl.Name),
		existing: decl.Existing}
	parent.children[decl] = set
	return set
}

// emitResources adds a set's instances that are deployed to the result, and their nested children.
func (e *fileEval) emitResources(set *resourceSet) {
	for _, inst := range e.instancesOf(set) {
		if inst.cond != nil {
			if b, ok := boolOf(plain(e.eval(inst.cond, inst.scope))); ok && !b {
				continue
			}
		}
		if !set.existing {
			e.emitInstance(inst)
		}
		for _, item := range itemsOf(inst.body) {
			if child, ok := item.(*syntax.Resource); ok {
				e.emitResources(e.childSet(inst, child))
			}
		}
	}
}

// metaProperties are a resource body's instructions to Bicep, not properties of the resource.
var metaProperties = []string{"parent", "dependsOn", "scope"}

func (e *fileEval) emitInstance(inst *instance) {
	decl := inst.set.decl
	if inst.body == nil || inst.typ == "" {
		return
	}
	if e.cutShort(decl.Rng) {
		return // what the parser recovered may lack the settings that make it secure
	}
	header := hcl.RangeBetween(decl.Rng, decl.TypeRef.Rng)
	r := &model.Resource{
		Type:       inst.typ,
		APIVersion: inst.version,
		Address:    inst.address,
		Range:      header,
		Body:       model.NewObject(inst.body.Rng, model.Set),
		Language:   model.Bicep,
		Spelling:   spelling{},
		Via:        slices.Clone(e.via),
		ID:         e.idOf(inst),
		ParentRef:  e.parentRef(inst),
		Scope:      e.scopeRef(inst),
		DependsOn:  e.dependencies(inst),
	}
	r.Body = e.fill(r.Body, withoutMeta(inst.body), inst.scope)
	if p := property(inst.body, "name"); p != nil {
		name := e.nameOf(inst)
		r.Body.Put("name", model.FromCty(name, p.Rng, model.Set))
		if !name.IsWhollyKnown() {
			r.NameExpr = e.sourceText(p.Value.Range())
		}
	}
	e.l.out.Resources = append(e.l.out.Resources, r)
	e.l.deployedThrough(e.callers, r)
}

// cutShort reports whether a declaration reaches the first syntax error of its file.
func (e *fileEval) cutShort(rng hcl.Range) bool {
	cut := e.pf.cutAt
	return cut != nil && rng.End.Byte >= cut.Byte && rng.Start.Byte <= cut.Byte
}

// maxNameExpr bounds the expression a message quotes for a name known only at deployment.
const maxNameExpr = 80

// sourceText is the text at rng on one line, white space folded, shortened to maxNameExpr characters.
func (e *fileEval) sourceText(rng hcl.Range) string {
	if rng.Start.Byte < 0 || rng.End.Byte > len(e.pf.src) || rng.Start.Byte > rng.End.Byte {
		return ""
	}
	text := strings.Join(strings.Fields(string(e.pf.src[rng.Start.Byte:rng.End.Byte])), " ")
	if runes := []rune(text); len(runes) > maxNameExpr {
		text = string(runes[:maxNameExpr-1]) + "…"
	}
	return text
}

// withoutMeta is a resource body without its meta properties and nested resources.
func withoutMeta(body *syntax.Object) *syntax.Object {
	out := &syntax.Object{Rng: body.Rng}
	for _, item := range body.Items {
		if _, nested := item.(*syntax.Resource); nested {
			continue
		}
		if p, ok := item.(*syntax.Property); ok {
			if id, ok := p.Key.(*syntax.Ident); ok && slices.Contains(metaProperties, id.Name) {
				continue
			}
		}
		out.Items = append(out.Items, item)
	}
	return out
}

// build turns an expression into a model value whose nodes keep the range of the property that wrote
// them; what an expression computes takes the range rng of the property.
func (e *fileEval) build(x syntax.Expr, rng hcl.Range, sc *scope) *model.Value {
	switch x := x.(type) {
	case *syntax.Object:
		obj := model.NewObject(rng, model.Set)
		return e.fill(obj, x, sc)
	case *syntax.Array:
		var elems []*model.Value
		for _, item := range x.Items {
			if _, spread := item.(*syntax.Spread); spread {
				return model.FromCty(plain(e.eval(x, sc)), rng, model.Set)
			}
			elems = append(elems, e.build(item, item.Range(), sc))
		}
		return model.NewList(rng, model.Set, elems...)
	case *syntax.Paren:
		return e.build(x.X, rng, sc)
	case *syntax.Ternary:
		if b, ok := boolOf(plain(e.eval(x.Cond, sc))); ok {
			if b {
				return e.build(x.Then, rng, sc)
			}
			return e.build(x.Else, rng, sc)
		}
	case *syntax.For:
		items, marks, known := e.keptItems(x, sc)
		if !known {
			return model.FromCty(cty.DynamicVal.WithMarks(marks), rng, model.Set)
		}
		elems := make([]*model.Value, len(items))
		for i, it := range items {
			elems[i] = e.build(it.body, it.body.Range(), it.scope)
		}
		return model.NewList(rng, model.Set, elems...)
	}
	return model.FromCty(plain(e.eval(x, sc)), rng, model.Set)
}

// fill puts an object literal's members into obj. A spread of a known object puts its members at the
// spread's range; a spread of an unknown one leaves an open object, in which only what follows is known.
func (e *fileEval) fill(obj *model.Value, x *syntax.Object, sc *scope) *model.Value {
	for _, item := range x.Items {
		switch item := item.(type) {
		case *syntax.Property:
			key, ok := e.key(item.Key, sc)
			if !ok {
				// A name known only at deployment, such as a user-assigned identity's resource ID: the
				// member is unknown, the others stay known.
				open := model.NewOpenObject(item.Rng, model.RefsOf(marksOf(e.eval(item.Key, sc)))...)
				for _, f := range obj.Fields() {
					open.Put(f.Name, f.Value)
				}
				obj = open
				continue
			}
			obj.Put(key, e.build(item.Value, item.Rng, sc))
		case *syntax.Spread:
			v, marks := plain(e.eval(item.Value, sc)).Unmark()
			switch {
			case v.IsKnown() && v.IsNull():
			case v.IsKnown() && isObject(v.Type()):
				for k, a := range v.AsValueMap() {
					obj.Put(k, model.FromCty(a.WithMarks(marks), item.Rng, model.Set))
				}
			default:
				// What the spread may set is unknown, and a finding about it lands on the spread.
				obj = model.NewOpenObject(item.Rng, model.RefsOf(marks)...)
			}
		}
	}
	return obj
}
