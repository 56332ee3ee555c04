package model

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Link merges every patch into the resources it targets and returns the resources that remain. A patch
// is matched by the references it holds to its target, else by the target's name. A patch that points
// outside the configuration is dropped. A patch whose target cannot be told at all, or that may not be
// created, makes the properties it sets Unknown on every resource it may target: guessing either way
// would give false alarms or miss real ones.
func Link(resources []*Resource) []*Resource {
	var kept, patches []*Resource
	for _, r := range resources {
		if r.Patch {
			patches = append(patches, r)
		} else {
			kept = append(kept, r)
		}
	}
	for _, p := range patches {
		p.Body.stamp(p.SpellingOf(nil))
		targets := targetsOf(p, kept)
		// One patch changes one resource: when it may be any of several, or may not exist at all, it
		// decides none of them.
		speculative, why := p.ExistenceUnknown || len(targets) > 1, p.ExistenceRefs
		if len(targets) > 1 {
			why = append(why, notTargeting(p.Target, targets)...)
		}
		if len(targets) == 0 && !p.pointsSomewhere() {
			for _, r := range kept {
				if strings.EqualFold(r.Type, p.Type) {
					targets = append(targets, r)
				}
			}
			speculative, why = true, p.Target
		}
		for _, t := range targets {
			if speculative {
				refs := append(SortedRefs(append([]Ref{}, why...)), Ref{Kind: ResourceRef, Address: p.Address})
				t.Body.Merge(uncertainLeaves(p.Body, t.Body, refs, t.Range, true))
			} else {
				t.Body.Merge(withoutName(p.Body))
			}
		}
	}
	return kept
}

// notTargeting drops the references that name one of the resources: what a patch's target depends on,
// beside the candidates themselves.
func notTargeting(refs []Ref, resources []*Resource) []Ref {
	var out []Ref
	for _, ref := range refs {
		if !slices.ContainsFunc(resources, func(r *Resource) bool { return ref.Targets(r.Address) }) {
			out = append(out, ref)
		}
	}
	return out
}

// withoutName is a patch body less the name that identified its target: the name is not a property the
// patch sets.
func withoutName(body *Value) *Value {
	out := NewObject(body.Range, body.State)
	for _, f := range body.Fields() {
		if f.Name != "name" {
			out.fields = append(out.fields, f)
		}
	}
	return out
}

func targetsOf(patch *Resource, resources []*Resource) []*Resource {
	var byRef, byName []*Resource
	name, named := patch.Body.Get("name").String()
	for _, r := range resources {
		if !strings.EqualFold(r.Type, patch.Type) {
			continue
		}
		for _, ref := range patch.Target {
			if ref.Targets(r.Address) {
				byRef = append(byRef, r)
				break
			}
		}
		if other, ok := r.Body.Get("name").String(); named && ok && strings.EqualFold(other, name) {
			byName = append(byName, r)
		}
	}
	if len(byRef) > 0 {
		return byRef
	}
	return byName
}

// pointsSomewhere reports whether a patch names its target, even one outside the configuration.
func (r *Resource) pointsSomewhere() bool {
	if _, ok := r.Body.Get("name").String(); ok {
		return true
	}
	for _, ref := range r.Target {
		if ref.Kind == ResourceRef || ref.Kind == DataRef {
			return true
		}
	}
	return false
}

// uncertainLeaves copies the shape of a patch that may or may not apply to target, with every leaf
// that would change target's value made Unknown and placed at rng, the header of the resource it lands
// in: the finding is about that resource. A leaf that target already holds stays as target has it:
// either way the value is the same. The name that identified the patch is left out: it is not a
// property the patch sets.
func uncertainLeaves(patch, target *Value, refs []Ref, rng hcl.Range, top bool) *Value {
	if !patch.IsObject() {
		if target.IsKnown() && patch.IsKnown() && sameValue(target, patch) {
			return target.clone()
		}
		return NewUnknown(rng, refs...)
	}
	out := NewObject(rng, Set)
	for _, f := range patch.Fields() {
		if top && f.Name == "name" {
			continue
		}
		out.fields = append(out.fields, Field{Name: f.Name, Value: uncertainLeaves(f.Value, target.Field(f.Name), refs, rng, false)})
	}
	return out
}

// sameValue compares known leaves the way ARM does: strings without case.
func sameValue(a, b *Value) bool {
	if as, ok := a.String(); ok {
		bs, ok := b.String()
		return ok && strings.EqualFold(as, bs)
	}
	return a.Cty().RawEquals(b.Cty())
}
