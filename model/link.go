package model

// Link merges every patch into the resources it targets and returns the resources that remain. A patch
// whose target is not in the configuration, or cannot be told, makes the properties it sets Unknown on
// every resource of its type: it may change any of them, and guessing would give false alarms.
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
		if len(targets) > 0 {
			for _, t := range targets {
				t.Body.Merge(p.Body)
			}
			continue
		}
		for _, r := range kept {
			if r.Type == p.Type {
				r.Body.Merge(unknownLeaves(p.Body, p.Target))
			}
		}
	}
	return kept
}

func targetsOf(patch *Resource, resources []*Resource) []*Resource {
	var out []*Resource
	for _, r := range resources {
		if r.Type != patch.Type {
			continue
		}
		for _, ref := range patch.Target {
			if ref.Targets(r.Address) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// unknownLeaves copies the shape of v with every leaf made Unknown.
func unknownLeaves(v *Value, refs []Ref) *Value {
	if !v.IsObject() {
		u := NewUnknown(v.Range, refs...)
		return u
	}
	out := NewObject(v.Range, v.State)
	for _, f := range v.Fields() {
		out.fields = append(out.fields, Field{Name: f.Name, Value: unknownLeaves(f.Value, refs)})
	}
	return out
}
