package terraform

import (
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// namedDependencies reads a depends_on meta-argument into the resources and module calls it names, by
// full address. A module call stands for every resource it holds; the collector records it so that
// dependOnModules can replace it by them once the whole root is read. What else a depends_on may hold
// (a data source, a malformed entry) deploys nothing and is left out.
func (e *moduleEval) namedDependencies(a *hcl.Attribute) []model.Ref {
	if a == nil {
		return nil
	}
	exprs, diags := hcl.ExprList(a.Expr)
	if diags.HasErrors() {
		return nil
	}
	var refs []model.Ref
	for _, expr := range exprs {
		t, diags := hcl.AbsTraversalForExpr(expr)
		if diags.HasErrors() || len(t) < 2 {
			continue
		}
		name, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		switch root := t.RootName(); {
		case root == "module":
			address := e.addr + "module." + name.Name
			e.out.moduleCalls[address] = true
			refs = append(refs, model.Ref{Kind: model.ResourceRef, Address: address})
		case !nonResourceRoots[root]:
			refs = append(refs, model.Ref{Kind: model.ResourceRef, Address: e.addr + root + "." + name.Name})
		}
	}
	return refs
}

// resourceRefs returns the resources a value was computed from.
func resourceRefs(v cty.Value) []model.Ref {
	_, marks := v.UnmarkDeep()
	var out []model.Ref
	for _, ref := range model.RefsOf(marks) {
		if ref.Kind == model.ResourceRef {
			out = append(out, ref)
		}
	}
	return out
}

// dependOnModules replaces, in what each resource depends on, a module call by the resources of all
// its instances, nested calls included: what depending on a module means to Terraform.
func (c *collector) dependOnModules() {
	if len(c.moduleCalls) == 0 {
		return
	}
	for _, r := range c.resources {
		var refs []model.Ref
		for _, ref := range r.DependsOn {
			if !c.moduleCalls[ref.Address] {
				refs = append(refs, ref)
				continue
			}
			for _, inner := range c.resources {
				if rest, ok := strings.CutPrefix(inner.Address, ref.Address); ok && (strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "[")) {
					refs = append(refs, model.Ref{Kind: model.ResourceRef, Address: inner.Address})
				}
			}
		}
		r.DependsOn = model.SortedRefs(refs)
	}
}
