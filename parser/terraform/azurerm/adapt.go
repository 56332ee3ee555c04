package azurerm

import (
	"slices"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Adapt builds the ARM resource that an azurerm resource of type tfType deploys, or nil for a type the
// table does not declare.
//
// body holds the resource's arguments as values, each with its range and references, and each nested
// block as a list of objects, one per block, whose range is the block's header. A block that may not exist
// (a dynamic block whose for_each is known only at deployment) is an object whose State is Unknown and
// whose Refs say what decides it: what its presence implies is then Unknown too. A nested block known only
// as an Unknown value makes the whole of its ARM object Unknown. header is the resource's header, where
// the provider's defaults land.
func Adapt(tfType string, header hcl.Range, body *model.Value) (*model.Resource, hcl.Diagnostics) {
	m, ok := lookup(tfType)
	if !ok {
		return nil, nil
	}
	r := &model.Resource{
		Type:       m.ARMType,
		APIVersion: m.APIVersion,
		Range:      header,
		Body:       model.NewObject(header, model.Set),
		Spelling:   m.Spelling(),
	}
	for _, c := range m.Constants {
		r.Body.Set(c.ARM, model.NewPrimitive(c.Value, header, model.Defaulted))
	}
	a := adapter{header: header}
	a.block(&m.Block, body, r.Body)
	diags := identify(m, r, body)
	if m.PatchTarget != "" {
		r.Patch = true
		if target := body.Field(m.PatchTarget); target != nil {
			r.Target = target.Refs
			if r.ID.Known() {
				r.Body.Set("name", model.NewPrimitive(cty.StringVal(r.ID.LastName()), target.Range, model.Set))
			}
		}
	}
	return r, diags
}

// adapter interprets the table over one resource's values.
type adapter struct {
	header hcl.Range
}

// block writes what in holds into out according to spec.
func (a adapter) block(spec *Block, in, out *model.Value) {
	a.fields(spec.Fields, in, out)
	for i := range spec.Blocks {
		child := &spec.Blocks[i]
		if child.Name == "" {
			obj := objectAt(out, child.ARM, a.header)
			present(child, obj, a.header, nil)
			a.fields(child.Fields, in, obj)
			continue
		}
		given := in.Field(child.Name)
		if given != nil && given.State == model.Unknown && !given.IsObject() {
			out.Set(child.ARM, model.NewUnknown(given.Range, given.Refs...))
			continue
		}
		blocks := elements(given)
		if len(blocks) == 0 {
			continue
		}
		if !child.List {
			blocks = blocks[:1]
		}
		if child.ARM == "" {
			present(child, out, blocks[0].Range, blocks[0])
			a.block(child, blocks[0], out)
			continue
		}
		byPath := map[string][]*model.Value{}
		var paths []string
		for _, b := range blocks {
			for _, path := range child.paths(b) {
				if _, seen := byPath[path]; !seen {
					paths = append(paths, path)
				}
				byPath[path] = append(byPath[path], a.element(child, b))
			}
		}
		for _, path := range paths {
			a.place(child, out, path, given.Range, byPath[path])
		}
	}
}

// element builds the ARM object of one block.
func (a adapter) element(spec *Block, given *model.Value) *model.Value {
	if given.State == model.Unknown && !given.IsObject() {
		return model.NewUnknown(given.Range, given.Refs...)
	}
	obj := model.NewObject(given.Range, model.Set)
	present(spec, obj, given.Range, given)
	a.block(spec, given, obj)
	return obj
}

// paths returns the ARM paths a block goes to: the one its ARMBy argument picks, or both when that
// argument is known only at deployment.
func (b *Block) paths(given *model.Value) []string {
	if b.ARMBy == nil {
		return []string{b.ARM}
	}
	v := given.Field(b.ARMBy.Arg)
	switch {
	case v == nil || v.IsNull():
		return []string{b.ARM}
	case !v.IsKnown():
		return []string{b.ARM, b.ARMBy.ARM}
	}
	conv, err := convert.Convert(v.Cty(), b.ARMBy.Value.Type())
	if err == nil && conv.IsKnown() && conv.Equals(b.ARMBy.Value).True() {
		return []string{b.ARMBy.ARM}
	}
	return []string{b.ARM}
}

// place writes the objects built from a block type at path: an array for a list block, appended to
// what another list block of the table wrote there, else the first object.
func (a adapter) place(spec *Block, out *model.Value, path string, rng hcl.Range, elems []*model.Value) {
	if !spec.List {
		out.Set(path, elems[0])
		return
	}
	if before := out.Get(path); before.IsList() {
		elems = slices.Concat(before.Elems(), elems)
		rng = before.Range
	}
	out.Set(path, model.NewList(rng, model.Set, elems...))
}

// elements returns the blocks a nested block's value holds: the objects of a list, or a lone object.
func elements(v *model.Value) []*model.Value {
	switch {
	case v.IsList():
		return v.Elems()
	case v.IsObject():
		return []*model.Value{v}
	}
	return nil
}

// present writes the values that the block's presence sets into out, at rng. given is the block, nil for
// a group of the enclosing body's arguments: they are there whenever the body is. A block that may not
// exist makes them Unknown, from what decides whether it does.
func present(spec *Block, out *model.Value, rng hcl.Range, given *model.Value) {
	for _, c := range spec.Present {
		if given != nil && given.State == model.Unknown {
			out.Set(c.ARM, model.NewUnknown(rng, given.Refs...))
			continue
		}
		out.Set(c.ARM, model.NewPrimitive(c.Value, rng, model.Set))
	}
}

// fields writes each mapped argument at its ARM path: the user's value through the transform, or the
// provider's default, marked Defaulted at the resource header, when the argument is absent or null.
func (a adapter) fields(fields []Field, in, out *model.Value) {
	for _, f := range fields {
		v := in.Field(f.Arg)
		if v == nil || v.IsNull() {
			if f.Default != cty.NilVal {
				out.Set(f.ARM, model.FromCty(f.Transform.ToARM(f.Default), a.header, model.Defaulted))
			}
			continue
		}
		out.Set(f.ARM, f.Transform.apply(v))
	}
}

// objectAt returns the object at path below out, making it when absent.
func objectAt(out *model.Value, path string, rng hcl.Range) *model.Value {
	if v := out.Get(path); v.IsObject() {
		return v
	}
	obj := model.NewObject(rng, model.Set)
	out.Set(path, obj)
	return obj
}
