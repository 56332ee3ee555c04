package bicep

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/arm"
	"github.com/aigate-dev/aigate/parser/bicep/syntax"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// moduleSet is one module declaration's instances, as resourceSet is for resources.
type moduleSet struct {
	decl    *syntax.Module
	address string
	expansion
	instances []*moduleInstance
	resolved  bool
}

// moduleInstance is one call of a module; child is the module file's evaluation for it, made once.
type moduleInstance struct {
	declared
	set     *moduleSet
	child   *fileEval
	loaded  bool
	loading bool
}

func (e *fileEval) moduleInstances(set *moduleSet) []*moduleInstance {
	if set.resolved {
		return set.instances
	}
	set.resolved = true
	var decls []declared
	set.expansion, decls = e.expand(set.decl.Value, set.address, nil)
	for _, d := range decls {
		set.instances = append(set.instances, &moduleInstance{declared: d, set: set})
	}
	return set.instances
}

// moduleValue is what a module's symbolic name evaluates to.
func (e *fileEval) moduleValue(set *moduleSet) cty.Value {
	instances := e.moduleInstances(set)
	ref := model.Ref{Kind: model.ResourceRef, Address: set.address}
	switch {
	case set.looped && !set.known:
		return cty.DynamicVal.WithMarks(set.marks).Mark(ref)
	case set.looped:
		elems := make([]cty.Value, len(instances))
		for i, inst := range instances {
			elems[i] = cty.CapsuleVal(moduleCapsule, inst).Mark(model.Ref{Kind: model.ResourceRef, Address: inst.address})
		}
		return cty.TupleVal(elems)
	case len(instances) == 1:
		return cty.CapsuleVal(moduleCapsule, instances[0]).Mark(ref)
	}
	// Read while its own loop is being expanded (a loop over a variable that reads the module): no
	// instance is known yet, as resourceValue answers for a resource.
	return cty.DynamicVal.Mark(ref)
}

// moduleProperty is mod.outputs, which the module file computes, or mod.name; anything else is known at
// deployment.
func (e *fileEval) moduleProperty(inst *moduleInstance, name string) cty.Value {
	switch strings.ToLower(name) {
	case "name":
		if p := property(inst.body, "name"); p != nil {
			return plain(e.eval(p.Value, inst.scope))
		}
	case "outputs":
		child := e.loadModule(inst)
		if child == nil {
			return cty.DynamicVal
		}
		outputs := map[string]cty.Value{}
		for name := range child.outputs {
			outputs[name], _ = child.output(name)
		}
		return cty.ObjectVal(outputs)
	}
	return cty.DynamicVal
}

// isRegistryPath reports whether a module or import path names a registry or a template spec, which
// aigate does not download.
func isRegistryPath(path string) bool {
	for _, scheme := range []string{"br:", "br/", "ts:", "ts/"} {
		if strings.HasPrefix(path, scheme) {
			return true
		}
	}
	return false
}

// localModulePath is the file a module declaration in the file at path names, when it is a local one.
func localModulePath(path string, m *syntax.Module) (string, bool) {
	p, ok := literalString(m.Path)
	if !ok || isRegistryPath(p) {
		return "", false
	}
	return filepath.Clean(filepath.Join(filepath.Dir(path), filepath.FromSlash(p))), true
}

// loadModule evaluates the module file for one call, once; nil for a module that is not evaluated here (a
// registry module, a compiled template, a missing file, a cycle).
func (e *fileEval) loadModule(inst *moduleInstance) *fileEval {
	if inst.loaded || inst.loading {
		return inst.child
	}
	inst.loading = true
	defer func() { inst.loading = false; inst.loaded = true }()
	decl := inst.set.decl
	header := hcl.RangeBetween(decl.Rng, decl.Path.Rng)
	path, local := localModulePath(e.pf.path, decl)
	switch {
	case !local:
		if p, ok := literalString(decl.Path); ok && isRegistryPath(p) {
			e.warnAt(decl.Path.Rng, "Registry module skipped",
				"This module comes from a registry or a template spec; aigate does not download it, so its resources are not scanned.")
		}
		return nil
	case slices.Contains(e.stack, path):
		e.errorAt(decl.Path.Rng, "Module cycle", "This module calls, directly or through others, the file that calls it; Bicep rejects such a file.")
		return nil
	case len(e.stack) >= maxModuleDepth:
		e.warnAt(header, "Modules nested too deep", fmt.Sprintf("This module is nested %d deep; aigate stops there.", len(e.stack)))
		return nil
	}
	if !e.l.exists(path) {
		written, _ := literalString(decl.Path)
		e.errorAt(decl.Path.Rng, "Module not found", fmt.Sprintf("%q does not exist beside this file; Bicep rejects the file.", written))
		return nil
	}
	given, allUnknown := e.moduleParams(inst)
	dependsOn, callers := e.callDependencies(inst, given, allUnknown), e.callersOf(inst)
	via := append(slices.Clone(e.via), header)
	if strings.HasSuffix(path, ".json") {
		if !slices.Contains(e.l.out.ModuleTemplates, path) {
			e.l.out.ModuleTemplates = append(e.l.out.ModuleTemplates, path)
		}
		res := arm.EvaluateModule(path, given, via)
		for _, r := range res.Resources {
			r.DependsOn = model.SortedRefs(slices.Concat(r.DependsOn, dependsOn))
			e.l.deployedThrough(callers, r)
		}
		e.l.out.Resources = append(e.l.out.Resources, res.Resources...)
		e.l.out.Diagnostics = append(e.l.out.Diagnostics, res.Diagnostics...)
		for f, src := range res.Sources {
			e.l.out.Sources[f] = src
		}
		return nil
	}
	pf := e.l.parse(path)
	if pf == nil {
		return nil
	}
	inst.child = e.l.newFileEval(pf, given, via, inst.address+".", append(slices.Clone(e.stack), path))
	inst.child.givenUnknown = allUnknown
	inst.child.dependsOn, inst.child.callers = dependsOn, callers
	return inst.child
}

// moduleParams evaluates what a call passes in params, by lower-case name. When params is unknown as a
// whole, allUnknown holds its marks.
func (e *fileEval) moduleParams(inst *moduleInstance) (given map[string]cty.Value, allUnknown cty.ValueMarks) {
	given = map[string]cty.Value{}
	p := property(inst.body, "params")
	if p == nil {
		return given, nil
	}
	v, marks := plain(e.eval(p.Value, inst.scope)).Unmark()
	if !v.IsKnown() || v.IsNull() || !isObject(v.Type()) {
		if marks == nil {
			marks = cty.ValueMarks{}
		}
		return given, marks
	}
	for name, a := range v.AsValueMap() {
		given[strings.ToLower(name)] = a.WithMarks(marks)
	}
	return given, nil
}

// emitModules evaluates each call of a module that is deployed and adds its resources to the result.
func (e *fileEval) emitModules(set *moduleSet) {
	for _, inst := range e.moduleInstances(set) {
		if inst.cond != nil {
			if b, ok := boolOf(plain(e.eval(inst.cond, inst.scope))); ok && !b {
				continue
			}
		}
		if child := e.loadModule(inst); child != nil {
			child.emit()
		}
	}
}
