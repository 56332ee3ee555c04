package model

// Link merges every patch into the resources it targets and returns the resources that remain. A patch
// is matched by the references it holds to its target, else by the target's name. A patch that points
// outside the configuration is dropped. A patch whose target cannot be told at all makes the properties
// it sets Unknown on every resource of its type: it may change any of them, and guessing either way
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
		targets := targetsOf(p, kept)
		for _, t := range targets {
			t.Body.Merge(p.Body)
		}
		if len(targets) > 0 || p.pointsSomewhere() {
			continue
		}
		for _, r := range kept {
			if r.Type == p.Type {
				r.Body.Merge(unknownLeaves(p.Body, append(p.Target, Ref{Kind: ResourceRef, Address: p.Address}), true))
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
		if other, ok := r.Body.Get("name").String(); named && ok && other == name {
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

// unknownLeaves copies the shape of v with every leaf made Unknown. The name that identified the patch
// is left out: it is not a property the patch sets.
func unknownLeaves(v *Value, refs []Ref, top bool) *Value {
	if !v.IsObject() {
		return NewUnknown(v.Range, refs...)
	}
	out := NewObject(v.Range, v.State)
	for _, f := range v.Fields() {
		if top && f.Name == "name" {
			continue
		}
		out.fields = append(out.fields, Field{Name: f.Name, Value: unknownLeaves(f.Value, refs, false)})
	}
	return out
}
