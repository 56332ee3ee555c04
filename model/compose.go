package model

import "strings"

// compose completes the IDs a front end could write only in part, because it knows a resource's parent
// or scope only as a value: an azapi child whose parent_id is another resource's id has "?" for its
// parent's name segments, an extension resource whose scope is a reference has a scope it cannot name.
// Where that value resolves to exactly one resource whose ID is known, the ID takes that resource's
// name chain (or that resource as its scope), as ARM will when it deploys them. The deployment is indexed
// again when an ID changed, so that lookups by ID find the completed ones.
func (d *Deployment) compose() {
	c := composer{d: d, state: make(map[*Resource]composeState, len(d.Resources))}
	changed := false
	for _, r := range d.Resources {
		changed = c.compose(r) || changed
	}
	if changed {
		d.indexIDs()
	}
}

type composeState uint8

const (
	composing composeState = iota + 1
	composed
)

type composer struct {
	d     *Deployment
	state map[*Resource]composeState
}

// compose completes r's ID, completing its parent's or scope's first, and reports whether it changed.
// A parent chain that leads back to r (which only broken code writes) is left as it is.
func (c *composer) compose(r *Resource) bool {
	if c.state[r] != 0 {
		return false
	}
	c.state[r] = composing
	defer func() { c.state[r] = composed }()
	changed := false
	if parent, ok := r.ID.Parent(); ok && !parent.Known() && r.ParentRef != nil {
		if p := c.only(r.ParentRef); p != nil && p.ID.Known() && strings.EqualFold(p.ID.Type, parent.Type) {
			r.ID = p.ID.ChildID(r.ID.Type, r.ID.LastName())
			changed = true
		}
	}
	if r.ID.Scope != nil && !r.ID.Scope.Known() && r.Scope != nil {
		if s := c.only(r.Scope); s != nil && s.ID.Known() {
			scope := s.ID
			r.ID.Scope = &scope
			changed = true
		}
	}
	return changed
}

// only returns the one resource v certainly points at, its own ID completed first; nil when v points at
// none, at several, or only maybe.
func (c *composer) only(v *Value) *Resource {
	j := c.d.Resolve(v)
	if j.State != Found || len(j.Resources) != 1 {
		return nil
	}
	c.compose(j.Resources[0])
	return j.Resources[0]
}
