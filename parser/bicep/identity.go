package bicep

import (
	"maps"
	"slices"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// idOf is the instance's identity: its full type, and its full name with one segment per level of the
// chain. A child's chain is its parent's, whether it is nested in the parent's body or names it with
// `parent:`; an extension resource's scope is the ID of the resource its `scope` names.
func (e *fileEval) idOf(inst *instance) model.ResourceID {
	if inst.id != nil {
		return *inst.id
	}
	id := model.UnknownID(inst.typ)
	if inst.identifying || inst.body == nil {
		return id // a parent or scope that leads back here: Bicep rejects the file
	}
	inst.identifying = true
	defer func() { inst.identifying = false }()
	own := model.UnknownSegment
	if v, p := e.bodyValue(inst, "name"); p != nil {
		u, _ := plain(v).Unmark()
		if s, ok := str(u); ok && s != "" {
			own = s
		}
	}
	_, namesParent := e.bodyValue(inst, "parent")
	switch parent := e.parentOf(inst); {
	case parent != nil:
		id = e.idOf(parent).ChildID(inst.typ, own)
	case namesParent != nil:
		id = model.ChildOfUnknown(inst.typ, own)
	case own != model.UnknownSegment:
		id.Name = own
	}
	if v, _ := e.bodyValue(inst, "scope"); instanceOf(v) != nil {
		scope := e.idOf(instanceOf(v))
		id.Scope = &scope
	}
	inst.id = &id
	return id
}

// parentRef is the value that names the instance's parent, as parent.id would: for a child nested in its
// parent's body, or one whose `parent` names it. A parent declared `existing` stays a DataRef: it is not
// deployed here.
func (e *fileEval) parentRef(inst *instance) *model.Value {
	if parent := inst.set.parent; parent != nil {
		header := hcl.RangeBetween(inst.set.decl.Rng, inst.set.decl.TypeRef.Rng)
		return model.FromCty(cty.UnknownVal(cty.String).Mark(parent.set.ref(parent.address)), header, model.Set)
	}
	v, p := e.bodyValue(inst, "parent")
	if p == nil {
		return nil
	}
	return model.FromCty(idValue(v), p.Rng, model.Set)
}

// scopeRef is the value of the instance's `scope`: a resource's symbolic name becomes its ID, known at
// deployment, with the resource's reference; resourceGroup(), subscription() and other expressions are
// what they evaluate to.
func (e *fileEval) scopeRef(inst *instance) *model.Value {
	v, p := e.bodyValue(inst, "scope")
	if p == nil {
		return nil
	}
	return model.FromCty(idValue(v), p.Rng, model.Set)
}

// idValue is what a resource's symbolic name gives where ARM needs its ID: the ID, known only at
// deployment, with the reference to the resource. Any other value stays what it is.
func idValue(v cty.Value) cty.Value {
	if instanceOf(v) != nil {
		return cty.UnknownVal(cty.String).WithMarks(marksOf(v))
	}
	return plain(v)
}

// dependencies are what the instance is deployed after besides what its body reads: the resources its
// `dependsOn` names, and what the module calls that lead here wait for.
func (e *fileEval) dependencies(inst *instance) []model.Ref {
	refs := slices.Clone(e.dependsOn)
	if v, p := e.bodyValue(inst, "dependsOn"); p != nil {
		refs = append(refs, resourceRefs(v)...)
	}
	return model.SortedRefs(refs)
}

// callDependencies are what every resource a module call deploys waits for: what the calls that lead to
// it wait for, the resources (and modules) the call's params read, and those its `dependsOn` names. ARM
// deploys the module's nested deployment after them.
func (e *fileEval) callDependencies(inst *moduleInstance, given map[string]cty.Value, allUnknown cty.ValueMarks) []model.Ref {
	vals := slices.Collect(maps.Values(given))
	vals = append(vals, cty.DynamicVal.WithMarks(allUnknown))
	if p := property(inst.body, "dependsOn"); p != nil {
		vals = append(vals, e.eval(p.Value, inst.scope))
	}
	return model.SortedRefs(append(slices.Clone(e.dependsOn), resourceRefs(vals...)...))
}

// resourceRefs are the references to resources and modules of the deployment among the values' marks;
// an existing resource is outside the deployment and nothing waits for it.
func resourceRefs(vals ...cty.Value) []model.Ref {
	return slices.DeleteFunc(model.RefsOf(marksOf(vals...)), func(r model.Ref) bool { return r.Kind != model.ResourceRef })
}

// callersOf are the addresses of the module calls that lead to what a call deploys: those that lead
// here, then the call's declaration and, in a loop, its instance.
func (e *fileEval) callersOf(inst *moduleInstance) []string {
	callers := append(slices.Clone(e.callers), inst.set.address)
	if inst.address != inst.set.address {
		callers = append(callers, inst.address)
	}
	return callers
}

// deployedThrough records that r is deployed through the module calls at the given addresses.
func (l *loader) deployedThrough(callers []string, r *model.Resource) {
	for _, c := range callers {
		l.moduleResources[c] = append(l.moduleResources[c], r.Address)
	}
}

// dependOnModules turns a module in a resource's DependsOn, or a module whose outputs its body reads,
// into the resources the module deploys: a module is not a resource of the deployment, and those are
// what the resource waits for.
func (l *loader) dependOnModules(resources []*model.Resource) {
	for _, r := range resources {
		var refs []model.Ref
		through := func(ref model.Ref) bool {
			addresses, ok := l.moduleResources[ref.Address]
			if !ok || ref.Kind != model.ResourceRef {
				return false
			}
			for _, a := range addresses {
				if a != r.Address {
					refs = append(refs, model.Ref{Kind: model.ResourceRef, Address: a})
				}
			}
			return true
		}
		for _, ref := range r.DependsOn {
			if !through(ref) {
				refs = append(refs, ref)
			}
		}
		for _, ref := range r.Body.AllRefs() {
			through(ref)
		}
		r.DependsOn = model.SortedRefs(refs)
	}
}
