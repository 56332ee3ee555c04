package terraform

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// evalGraph evaluates locals, module calls and the instances of counted resources in dependency order, in
// waves: each wave holds what depends only on what earlier waves produced. What is left in a cycle is
// reported; its locals are unknown, and its modules and resources are evaluated with what there is.
func (e *moduleEval) evalGraph() {
	type node struct {
		key      string
		local    *hcl.Attribute
		call     *moduleCall
		resource *resourceBlock
		deps     []string
	}
	var pending []*node
	keys := map[string]bool{}
	for _, a := range e.mod.locals {
		n := &node{key: "local." + a.Name, local: a, deps: dependencies(a.Expr)}
		pending, keys[n.key] = append(pending, n), true
	}
	for _, c := range e.mod.calls {
		n := &node{key: "module." + c.name, call: c}
		for _, a := range c.exprs() {
			n.deps = append(n.deps, dependencies(a)...)
		}
		pending, keys[n.key] = append(pending, n), true
	}
	for _, rb := range e.mod.resources {
		if rb.count == nil && rb.forEach == nil {
			continue
		}
		n := &node{key: rb.typ + "." + rb.name, resource: rb}
		for _, a := range []*hcl.Attribute{rb.count, rb.forEach} {
			if a != nil {
				n.deps = append(n.deps, dependencies(a.Expr)...)
			}
		}
		pending, keys[n.key] = append(pending, n), true
	}
	done := map[string]bool{}
	for len(pending) > 0 {
		var ready, rest []*node
		for _, n := range pending {
			if !slices.ContainsFunc(n.deps, func(d string) bool { return keys[d] && !done[d] }) {
				ready = append(ready, n)
			} else {
				rest = append(rest, n)
			}
		}
		cyclic := len(ready) == 0
		if cyclic {
			ready, rest = onCycle(rest, func(n *node) []string { return n.deps }, func(n *node) string { return n.key })
		}
		ctx := e.ctx()
		for _, n := range ready {
			switch {
			case n.local != nil && cyclic:
				e.warnAt(n.local.Range, "Dependency cycle", fmt.Sprintf("local.%s depends on itself, directly or through other locals, modules or counts; Terraform rejects such cycles, so its value is unknown here.", n.local.Name))
				e.locals[n.local.Name] = cty.DynamicVal
			case n.local != nil:
				v, diags := n.local.Expr.Value(ctx)
				e.note(diags)
				e.locals[n.local.Name] = failed(v, diags)
			case n.call != nil:
				e.modules[n.call.name] = e.evalCall(n.call, ctx)
			default:
				e.resourceSyms[n.resource.typ][n.resource.name] = e.instanceSymbols(n.resource, ctx)
			}
		}
		for _, n := range ready {
			done[n.key] = true
		}
		pending = rest
	}
}

// onCycle splits nodes that wait on each other into those on a cycle, which can reach themselves through
// their dependencies, and the rest, which only wait behind a cycle.
func onCycle[N any](nodes []N, deps func(N) []string, key func(N) string) (cycle, rest []N) {
	byKey := map[string]N{}
	for _, n := range nodes {
		byKey[key(n)] = n
	}
	reaches := func(from N, target string) bool {
		seen := map[string]bool{}
		var walk func(N) bool
		walk = func(n N) bool {
			for _, d := range deps(n) {
				if d == target {
					return true
				}
				next, ok := byKey[d]
				if ok && !seen[d] {
					seen[d] = true
					if walk(next) {
						return true
					}
				}
			}
			return false
		}
		return walk(from)
	}
	for _, n := range nodes {
		if reaches(n, key(n)) {
			cycle = append(cycle, n)
		} else {
			rest = append(rest, n)
		}
	}
	if len(cycle) == 0 {
		return nodes, nil
	}
	return cycle, rest
}

// dependencies lists what an expression refers to, as "local.x", "module.y" and "TYPE.NAME" for
// resources.
func dependencies(expr hcl.Expression) []string {
	var out []string
	for _, t := range expr.Variables() {
		if len(t) < 2 {
			continue
		}
		if attr, ok := t[1].(hcl.TraverseAttr); ok {
			out = append(out, t.RootName()+"."+attr.Name)
		}
	}
	return out
}

func (c *moduleCall) exprs() []hcl.Expression {
	var out []hcl.Expression
	for _, a := range []*hcl.Attribute{c.count, c.forEach} {
		if a != nil {
			out = append(out, a.Expr)
		}
	}
	for _, a := range sortedAttributes(c.inputs) {
		out = append(out, a.Expr)
	}
	return out
}
