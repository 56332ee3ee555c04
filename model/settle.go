package model

import (
	"slices"
	"strings"
)

// settle applies rules.md's "One resource declared twice": two declarations of one resource (same ID)
// in one deployment are one resource. ARM deploys them in dependency order and the later full PUT
// replaces what the earlier one set, so when one depends on the other the earlier is dropped and the
// resource is judged as the later leaves it. When neither depends on the other, the order is ARM's to
// choose, and each is judged as written.
func (d *Deployment) settle() []*Resource {
	replaced := map[*Resource]bool{}
	for _, group := range d.byID {
		for i, a := range group {
			for _, b := range group[i+1:] {
				if !a.ID.Same(b.ID) {
					continue
				}
				switch {
				case d.dependsOn(b, a):
					replaced[a] = true
				case d.dependsOn(a, b):
					replaced[b] = true
				}
			}
		}
	}
	if len(replaced) == 0 {
		return d.Resources
	}
	return slices.DeleteFunc(slices.Clone(d.Resources), func(r *Resource) bool { return replaced[r] })
}

// dependsOn reports whether from is deployed after to: through its explicit dependencies, or what its
// body, parent or scope reads, followed from resource to resource.
func (d *Deployment) dependsOn(from, to *Resource) bool {
	seen := map[*Resource]bool{from: true}
	queue := []*Resource{from}
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		for _, next := range d.dependencies(r) {
			if next == to {
				return true
			}
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	return false
}

// dependencies are the resources r is deployed after.
func (d *Deployment) dependencies(r *Resource) []*Resource {
	refs := slices.Concat(r.DependsOn, r.Body.AllRefs(), r.ParentRef.AllRefs(), r.Scope.AllRefs())
	var out []*Resource
	for _, ref := range refs {
		switch ref.Kind {
		case ResourceRef:
			out = append(out, d.byAddress[strings.ToLower(ref.Address)]...)
		case IDRef:
			matched, _ := d.byIDText(ref.Address)
			out = append(out, matched...)
		}
	}
	return slices.DeleteFunc(compact(out), func(x *Resource) bool { return x == r })
}
