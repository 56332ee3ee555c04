package model

import (
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
		targets, speculative, why := targetsOf(p, kept), p.ExistenceUnknown, p.ExistenceRefs
		if len(targets) == 0 && !p.pointsSomewhere() {
			why = p.Target
			for _, r := range kept {
				if r.Type == p.Type {
					targets = append(targets, r)
				}
			}
			speculative = true
		}
		for _, t := range targets {
			if speculative {
				refs := append(SortedRefs(append([]Ref{}, why...)), Ref{Kind: ResourceRef, Address: p.Address})
				t.Body.Merge(unknownLeaves(p.Body, refs, t.Range, true))
			} else {
				t.Body.Merge(p.Body)
			}
		}
	}
	return kept
}

func targetsOf(patch *Resource, resources []*Resource) []*Resource {
	var byRef, byName []*Resource
	name, named := patch.Body.Get("name").String()
	for _, r := range resources {
		if r.Type != patch.Type {
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

// unknownLeaves copies the shape of v with every leaf made Unknown and placed at rng, the header of the
// resource it lands in: the finding is about that resource. The name that identified the patch is left
// out: it is not a property the patch sets.
func unknownLeaves(v *Value, refs []Ref, rng hcl.Range, top bool) *Value {
	if !v.IsObject() {
		return NewUnknown(rng, refs...)
	}
	out := NewObject(rng, Set)
	for _, f := range v.Fields() {
		if top && f.Name == "name" {
			continue
		}
		out.fields = append(out.fields, Field{Name: f.Name, Value: unknownLeaves(f.Value, refs, rng, false)})
	}
	return out
}
