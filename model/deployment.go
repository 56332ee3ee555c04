package model

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Deployment is what is deployed together, and so what one run of the rules sees: a Terraform root
// module with the modules it calls, a top-level ARM template with its nested deployments, a Bicep file
// with its modules. A join (a private endpoint to its account, a diagnostic setting to its target) never
// crosses from one deployment to another.
type Deployment struct {
	// Name identifies the deployment to the user: the root module's folder, the template or Bicep file.
	Name     string
	Language Language
	// Resources are in declaration order, patches merged and re-declarations settled (see
	// NewDeployment).
	Resources []*Resource
	// Outputs are the deployment's own outputs, not those of the modules it calls.
	Outputs []*Output

	byAddress map[string][]*Resource
	byID      map[string][]*Resource
	byType    map[string][]*Resource
}

// Output is one output of a deployment: a Terraform `output`, an ARM or Bicep `outputs` entry.
type Output struct {
	Name string
	// Address names the output to the user: output.openai_key, outputs.key.
	Address string
	// Range is the output's declaration, where findings about it land.
	Range hcl.Range
	Value *Value
	// Sensitive is Terraform's `sensitive = true` and Bicep's @secure(): the value is not printed.
	Sensitive bool
	Language  Language
}

// NewDeployment makes a deployment of the resources a front end read. It merges patches into their
// targets (Link), completes the IDs that name a parent or scope only by reference (compose), settles a
// resource declared twice into the declaration that deploys last (rules.md, "One resource declared
// twice"), and indexes what remains for the resolver.
func NewDeployment(name string, lang Language, resources []*Resource, outputs []*Output) *Deployment {
	d := &Deployment{Name: name, Language: lang, Outputs: outputs}
	d.index(Link(resources))
	d.compose()
	if settled := d.settle(); len(settled) != len(d.Resources) {
		d.index(settled)
	}
	return d
}

func (d *Deployment) index(resources []*Resource) {
	d.Resources = resources
	d.byAddress = make(map[string][]*Resource, len(resources))
	d.byType = map[string][]*Resource{}
	for _, r := range resources {
		address := strings.ToLower(r.Address)
		d.byAddress[address] = append(d.byAddress[address], r)
		if base := InstanceBase(address); base != address {
			d.byAddress[base] = append(d.byAddress[base], r)
		}
		typ := strings.ToLower(r.Type)
		d.byType[typ] = append(d.byType[typ], r)
	}
	d.indexIDs()
}

// indexIDs indexes the resources by ID alone, for when only IDs changed.
func (d *Deployment) indexIDs() {
	d.byID = make(map[string][]*Resource, len(d.Resources))
	for _, r := range d.Resources {
		if r.identified() {
			key := idKey(r.ID)
			d.byID[key] = append(d.byID[key], r)
		}
	}
}

// identified reports whether r's ID names one resource for certain: known, and for an extension
// resource whose scope is written, with that scope known too. Two diagnostic settings called "audit" on
// targets known only at deployment are not one resource.
func (r *Resource) identified() bool {
	return r.ID.Known() && (r.Scope == nil || r.ID.Scope != nil)
}

// idKey is what IDs are indexed by: the type and name without case. Scope and container are checked by
// ResourceID.Same on the few candidates.
func idKey(id ResourceID) string { return strings.ToLower(id.Type + "\x00" + id.Name) }

// OfType returns the resources of an ARM type, without case, in declaration order.
func (d *Deployment) OfType(armType string) []*Resource { return d.byType[strings.ToLower(armType)] }

// JoinState is the answer to "which resource does this value point at?".
type JoinState uint8

const (
	// None: the value points at no resource of the deployment (it is absent, names something outside,
	// or names another resource).
	None JoinState = iota
	// Found: the value points at the resources of the Join, for certain.
	Found
	// Maybe: the value is known only at deployment, so it may point at the resources of the Join (any
	// resource of the type asked for, when the Join lists none). A rule that depends on it reports a
	// finding of unknown confidence rather than passing in silence.
	Maybe
)

func (s JoinState) String() string {
	switch s {
	case Found:
		return "found"
	case Maybe:
		return "maybe"
	}
	return "none"
}

// Join is what the resolver answers: a state, the resources it found or may have found, and, for Maybe,
// what the unknown value comes from.
type Join struct {
	State     JoinState
	Resources []*Resource
	Refs      []Ref
}

// Has reports whether the join found r, or may have: a Maybe join that names no candidate may be any.
func (j Join) Has(r *Resource) bool {
	switch j.State {
	case Found:
		return slices.Contains(j.Resources, r)
	case Maybe:
		return len(j.Resources) == 0 || slices.Contains(j.Resources, r)
	}
	return false
}

// Resolve answers which resources of the deployment v points at, by symbolic reference (a Terraform
// address, a Bicep or ARM symbolic name, on any instance of a looped resource), by a literal or computed
// resource ID, as ARM compares them: without case. types, when given, keeps only resources of those ARM
// types. A value known only at deployment that names nothing the resolver can follow is Maybe.
func (d *Deployment) Resolve(v *Value, types ...string) Join {
	if v == nil || v.IsNull() {
		return Join{}
	}
	var found []*Resource
	var open []Ref // refs that may point anywhere
	maybe := false
	for _, ref := range v.Refs {
		switch ref.Kind {
		case ResourceRef:
			found = append(found, d.byAddress[strings.ToLower(ref.Address)]...)
		case IDRef:
			matched, exact := d.byIDText(ref.Address)
			found = append(found, matched...)
			maybe = maybe || !exact
		case InputRef, FailedRef:
			open = append(open, ref)
		}
	}
	if s, ok := v.String(); ok {
		if id, isID := ParseResourceID(s); isID {
			found = append(found, d.ByID(id)...)
		}
	}
	found = ofTypes(compact(found), types)
	switch {
	case v.State == Unknown && len(found) == 0 && len(open) > 0:
		return Join{State: Maybe, Refs: SortedRefs(open)}
	case maybe && len(found) > 0:
		return Join{State: Maybe, Resources: found, Refs: SortedRefs(slices.Clone(v.Refs))}
	case len(found) > 0:
		return Join{State: Found, Resources: found}
	}
	return Join{}
}

// byIDText finds the resources an ID-shaped reference names. With a name segment known only at
// deployment, every resource of the type whose known segments agree is a candidate, and exact is false.
func (d *Deployment) byIDText(text string) (matched []*Resource, exact bool) {
	id, ok := ParseResourceID(text)
	if !ok {
		return nil, true
	}
	if id.Known() {
		return d.ByID(id), true
	}
	want := strings.Split(id.Name, "/")
	for _, r := range d.OfType(id.Type) {
		got := strings.Split(r.ID.Name, "/")
		if len(got) != len(want) {
			continue
		}
		agree := true
		for i := range want {
			if want[i] != UnknownSegment && got[i] != UnknownSegment && !strings.EqualFold(want[i], got[i]) {
				agree = false
				break
			}
		}
		if agree {
			matched = append(matched, r)
		}
	}
	return matched, false
}

// ByID returns the resources declared with the given ID.
func (d *Deployment) ByID(id ResourceID) []*Resource {
	if !id.Known() {
		return nil
	}
	var out []*Resource
	for _, r := range d.byID[idKey(id)] {
		if r.ID.Same(id) {
			out = append(out, r)
		}
	}
	return out
}

// Parent returns the resource r is a child of: through the value that names it, else through r's ID.
func (d *Deployment) Parent(r *Resource) Join {
	if r.ParentRef != nil {
		if j := d.Resolve(r.ParentRef); j.State != None {
			return j
		}
	}
	if parent, ok := r.ID.Parent(); ok {
		if found := d.ByID(parent); len(found) > 0 {
			return Join{State: Found, Resources: found}
		}
		if !parent.Known() && parent.Type != "" {
			if matched, _ := d.byIDText(parent.String()); len(matched) > 0 {
				return Join{State: Maybe, Resources: matched}
			}
		}
	}
	return Join{}
}

// Children returns the resources of the given type (any type when empty) whose parent is r, found or
// maybe. A child whose parent may be r is in Maybe.
func (d *Deployment) Children(r *Resource, childType string) Join {
	candidates := d.Resources
	if childType != "" {
		candidates = d.OfType(childType)
	}
	var out Join
	for _, c := range candidates {
		if c == r {
			continue
		}
		switch j := d.Parent(c); {
		case j.State == Found && slices.Contains(j.Resources, r):
			out.Resources = append(out.Resources, c)
			out.State = Found
		case j.State == Maybe && j.Has(r):
			out.Resources = append(out.Resources, c)
			if out.State == None {
				out.State = Maybe
			}
		}
	}
	return out
}

// Referrers returns the resources of type referrerType whose value at path points at target. The path is
// dotted as for Value.Get, with [] after a step that is a list whose every element is followed, as in
// properties.privateLinkServiceConnections[].properties.privateLinkServiceId. The join is Found when one
// referrer certainly points at target, else Maybe when one may (its value is known only at deployment).
func (d *Deployment) Referrers(target *Resource, referrerType, path string) Join {
	var out Join
	var maybes []*Resource
	for _, r := range d.OfType(referrerType) {
		for _, v := range r.Body.Values(path) {
			j := d.Resolve(v)
			if j.State == Found && slices.Contains(j.Resources, target) {
				out.Resources = append(out.Resources, r)
				out.State = Found
				break
			}
			if j.State == Maybe && j.Has(target) {
				maybes = append(maybes, r)
				out.Refs = append(out.Refs, j.Refs...)
				break
			}
		}
	}
	if out.State == None && len(maybes) > 0 {
		out.State, out.Resources = Maybe, maybes
	}
	out.Refs = SortedRefs(out.Refs)
	return out
}

// ScopeOf resolves what an extension resource applies to.
func (d *Deployment) ScopeOf(r *Resource) Join {
	if r.Scope != nil {
		if j := d.Resolve(r.Scope); j.State != None {
			return j
		}
	}
	if r.ID.Scope != nil {
		return Join{State: boolState(len(d.ByID(*r.ID.Scope)) > 0), Resources: d.ByID(*r.ID.Scope)}
	}
	return Join{}
}

func boolState(found bool) JoinState {
	if found {
		return Found
	}
	return None
}

func ofTypes(resources []*Resource, types []string) []*Resource {
	if len(types) == 0 {
		return resources
	}
	return slices.DeleteFunc(resources, func(r *Resource) bool {
		return !slices.ContainsFunc(types, func(t string) bool { return strings.EqualFold(t, r.Type) })
	})
}

// compact drops repeated resources, keeping the first of each.
func compact(resources []*Resource) []*Resource {
	seen := make(map[*Resource]bool, len(resources))
	return slices.DeleteFunc(resources, func(r *Resource) bool {
		if seen[r] {
			return true
		}
		seen[r] = true
		return false
	})
}
