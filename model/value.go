// Package model is the ARM-shaped resource model: every front end produces it and every check reads it.
// It knows nothing of the languages the resources were written in.
package model

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// State says where a value came from. Checks treat Unknown as undecidable, never as pass or fail.
type State uint8

const (
	// Set values were written by the user.
	Set State = iota + 1
	// Defaulted values were filled in from the provider's or the service's default; their range is the
	// resource header, since nothing in the source holds them.
	Defaulted
	// Unknown values cannot be known before deployment: an input without a value, a reference to
	// another resource's computed attribute, a data source.
	Unknown
)

func (s State) String() string {
	switch s {
	case Set:
		return "set"
	case Defaulted:
		return "defaulted"
	case Unknown:
		return "unknown"
	}
	return "invalid"
}

// Field is one named member of an object value, in source order.
type Field struct {
	Name  string
	Value *Value
}

// Value is one node of a property tree: a primitive (string, number, bool or null), an object or a list.
// Every node carries the range it came from and its State. An Unknown node has no children: whatever lies
// below it is unknown as well.
type Value struct {
	Range hcl.Range
	State State
	// Refs names what the value was computed from: other resources, data sources, inputs. Joins between
	// resources (a private endpoint to its account) follow them, and messages about unknown values cite them.
	Refs []Ref

	primitive cty.Value
	fields    []Field
	elems     []*Value
	shape     shape
	// open marks an object of which only some members are known: one that was Unknown until a patch set
	// some of its properties. Its other members are Unknown.
	open bool
	// spelling is the language of the patch that wrote the node into another resource; nil for the
	// resource's own nodes.
	spelling Spelling
}

type shape uint8

const (
	primitiveShape shape = iota
	objectShape
	listShape
)

// NewPrimitive makes a leaf. An unknown v makes an Unknown node whatever state says.
func NewPrimitive(v cty.Value, rng hcl.Range, state State) *Value {
	if !v.IsKnown() {
		state = Unknown
	}
	return &Value{Range: rng, State: state, primitive: v}
}

// NewObject makes an object node with the given fields in order.
func NewObject(rng hcl.Range, state State, fields ...Field) *Value {
	return &Value{Range: rng, State: state, fields: fields, shape: objectShape}
}

// NewOpenObject makes an object of which only the members put into it are known; any other member is
// Unknown, computed from refs. It is what an object literal that spreads an unknown object comes to.
func NewOpenObject(rng hcl.Range, refs ...Ref) *Value {
	return &Value{Range: rng, State: Set, Refs: refs, shape: objectShape, open: true}
}

// NewList makes a list node (ARM arrays; Terraform lists, sets and tuples).
func NewList(rng hcl.Range, state State, elems ...*Value) *Value {
	return &Value{Range: rng, State: state, elems: elems, shape: listShape}
}

// NewUnknown makes an Unknown node computed from refs.
func NewUnknown(rng hcl.Range, refs ...Ref) *Value {
	return &Value{Range: rng, State: Unknown, primitive: cty.DynamicVal, Refs: refs}
}

// FromCty turns a whole cty value into a tree whose nodes all carry rng and state. Marks of type Ref on
// any node become that node's Refs.
func FromCty(v cty.Value, rng hcl.Range, state State) *Value {
	v, marks := v.Unmark()
	node := fromUnmarked(v, rng, state)
	node.Refs = RefsOf(marks)
	return node
}

func fromUnmarked(v cty.Value, rng hcl.Range, state State) *Value {
	if !v.IsKnown() {
		return NewPrimitive(v, rng, state)
	}
	ty := v.Type()
	switch {
	case v.IsNull():
		return NewPrimitive(v, rng, state)
	case ty.IsObjectType() || ty.IsMapType():
		obj := NewObject(rng, state)
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			obj.fields = append(obj.fields, Field{Name: k.AsString(), Value: FromCty(ev, rng, state)})
		}
		return obj
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		list := NewList(rng, state)
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			list.elems = append(list.elems, FromCty(ev, rng, state))
		}
		return list
	}
	return NewPrimitive(v, rng, state)
}

// RefsOf returns the references among a value's marks, sorted.
func RefsOf(marks cty.ValueMarks) []Ref {
	var refs []Ref
	for m := range marks {
		if r, ok := m.(Ref); ok {
			refs = append(refs, r)
		}
	}
	return SortedRefs(refs)
}

// IsObject reports whether v is a known object.
func (v *Value) IsObject() bool { return v != nil && v.shape == objectShape }

// IsList reports whether v is a known list.
func (v *Value) IsList() bool { return v != nil && v.shape == listShape }

// Fields returns an object's fields in source order.
func (v *Value) Fields() []Field {
	if v == nil {
		return nil
	}
	return v.fields
}

// Elems returns a list's elements.
func (v *Value) Elems() []*Value {
	if v == nil {
		return nil
	}
	return v.elems
}

// Field returns the member called name. ARM property names are case-insensitive; an exact match wins
// over a case-folded one.
func (v *Value) Field(name string) *Value {
	if v == nil || v.shape != objectShape {
		return nil
	}
	var folded *Value
	for _, f := range v.fields {
		if f.Name == name {
			return f.Value
		}
		if folded == nil && strings.EqualFold(f.Name, name) {
			folded = f.Value
		}
	}
	if folded == nil && v.open {
		return NewUnknown(v.Range, v.Refs...)
	}
	return folded
}

// Get walks a dotted ARM path such as "properties.networkAcls.defaultAction". It returns nil when a step is
// absent, and the Unknown node itself when the walk meets one: what lies below an unknown is unknown.
func (v *Value) Get(path string) *Value {
	node := v
	for step := range strings.SplitSeq(path, ".") {
		if node == nil || node.State == Unknown {
			return node
		}
		node = node.Field(step)
	}
	return node
}

// Set writes child at the dotted path, making the objects on the way. The objects it makes take the
// child's range, and its state unless that is Unknown: they exist. Setting at an existing path replaces the old value. A path that runs through
// an Unknown node is left as it is: the unknown already stands for whatever lies below it, and keeps the
// references that say where it comes from.
func (v *Value) Set(path string, child *Value) {
	steps := strings.Split(path, ".")
	node := v
	for _, step := range steps[:len(steps)-1] {
		next := node.Field(step)
		if next != nil && next.State == Unknown {
			return
		}
		if !next.IsObject() {
			next = NewObject(child.Range, containerState(child.State))
			node.Put(step, next)
		}
		node = next
	}
	node.Put(steps[len(steps)-1], child)
}

// containerState is the state of an object made to hold a child: it exists, known, whatever the child is.
func containerState(child State) State {
	if child == Unknown {
		return Set
	}
	return child
}

// Put writes child as the member called name (matched without case, as ARM does), making v an object.
// Unlike Set, name is taken whole: keys such as resource IDs hold dots.
func (v *Value) Put(name string, child *Value) {
	v.shape = objectShape
	for i, f := range v.fields {
		if strings.EqualFold(f.Name, name) {
			v.fields[i].Value = child
			return
		}
	}
	v.fields = append(v.fields, Field{Name: name, Value: child})
}

// Merge writes every leaf of patch into v at the same path: what a PATCH of the resource does. It copies
// what it writes, so that one patch merged into several resources leaves them independent. An Unknown
// object the patch writes into becomes open: what the patch sets is known, the rest stays unknown.
func (v *Value) Merge(patch *Value) {
	for _, f := range patch.Fields() {
		cur := v.Field(f.Name)
		if cur != nil && cur.State == Unknown && f.Value.IsObject() {
			cur = &Value{Range: cur.Range, State: Set, Refs: cur.Refs, shape: objectShape, open: true}
			v.Put(f.Name, cur)
		}
		if cur.IsObject() && f.Value.IsObject() {
			cur.Merge(f.Value)
			continue
		}
		v.Put(f.Name, f.Value.clone())
	}
}

// stamp records on every node of v the spelling of the patch that wrote it.
func (v *Value) stamp(s Spelling) {
	v.spelling = s
	for _, f := range v.fields {
		f.Value.stamp(s)
	}
	for _, e := range v.elems {
		e.stamp(s)
	}
}

func (v *Value) clone() *Value {
	c := *v
	c.Refs = slices.Clone(v.Refs)
	c.fields = make([]Field, len(v.fields))
	for i, f := range v.fields {
		c.fields[i] = Field{Name: f.Name, Value: f.Value.clone()}
	}
	c.elems = make([]*Value, len(v.elems))
	for i, e := range v.elems {
		c.elems[i] = e.clone()
	}
	return &c
}

// IsKnown reports whether the node is neither nil nor Unknown.
func (v *Value) IsKnown() bool { return v != nil && v.State != Unknown }

// IsNull reports whether the node is a known null. ARM treats a null property as absent.
func (v *Value) IsNull() bool {
	return v != nil && v.shape == primitiveShape && v.primitive.IsKnown() && v.primitive.IsNull()
}

// String returns a known string leaf. Numbers and bools are rendered too, as ARM accepts them where
// strings are expected.
func (v *Value) String() (string, bool) {
	if !v.IsKnown() || v.shape != primitiveShape || v.primitive.IsNull() {
		return "", false
	}
	switch v.primitive.Type() {
	case cty.String:
		return v.primitive.AsString(), true
	case cty.Bool:
		if v.primitive.True() {
			return "true", true
		}
		return "false", true
	case cty.Number:
		return v.primitive.AsBigFloat().Text('f', -1), true
	}
	return "", false
}

// Bool returns a known bool leaf. The strings "true" and "false" count, as ARM templates use both.
func (v *Value) Bool() (value, ok bool) {
	if !v.IsKnown() || v.shape != primitiveShape || v.primitive.IsNull() {
		return false, false
	}
	switch v.primitive.Type() {
	case cty.Bool:
		return v.primitive.True(), true
	case cty.String:
		switch strings.ToLower(v.primitive.AsString()) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

// Cty returns the node as a cty value, unmarked.
func (v *Value) Cty() cty.Value {
	switch {
	case v == nil:
		return cty.NullVal(cty.DynamicPseudoType)
	case v.State == Unknown || v.open:
		return cty.DynamicVal
	case v.shape == objectShape:
		attrs := make(map[string]cty.Value, len(v.fields))
		for _, f := range v.fields {
			attrs[f.Name] = f.Value.Cty()
		}
		return cty.ObjectVal(attrs)
	case v.shape == listShape:
		elems := make([]cty.Value, len(v.elems))
		for i, e := range v.elems {
			elems[i] = e.Cty()
		}
		return cty.TupleVal(elems)
	}
	return v.primitive
}

// Values returns the nodes at a dotted path in which a step written name[] is a list whose every element
// the walk follows: properties.privateLinkServiceConnections[].properties.privateLinkServiceId. Where the
// walk meets an Unknown node it returns that node, which stands for whatever lies below it.
func (v *Value) Values(path string) []*Value {
	nodes := []*Value{v}
	for step := range strings.SplitSeq(path, ".") {
		name, each := strings.CutSuffix(step, "[]")
		var next []*Value
		for _, n := range nodes {
			if n == nil {
				continue
			}
			if n.State == Unknown {
				next = append(next, n)
				continue
			}
			child := n.Field(name)
			switch {
			case child == nil:
			case each && child.IsList():
				next = append(next, child.elems...)
			default:
				next = append(next, child)
			}
		}
		nodes = next
	}
	return nodes
}

// AllRefs returns the references of every node of v, sorted.
func (v *Value) AllRefs() []Ref {
	var refs []Ref
	var walk func(*Value)
	walk = func(n *Value) {
		if n == nil {
			return
		}
		refs = append(refs, n.Refs...)
		for _, f := range n.fields {
			walk(f.Value)
		}
		for _, e := range n.elems {
			walk(e)
		}
	}
	walk(v)
	return SortedRefs(refs)
}
