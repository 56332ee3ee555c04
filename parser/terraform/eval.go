package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/terraform/azapi"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// maxModuleDepth stops module calls that lead back into themselves.
const maxModuleDepth = 32

// moduleEval evaluates one instance of a module.
type moduleEval struct {
	l         *loader
	root      string
	workspace string
	mod       *module
	addr      string // address prefix: "" for the root, "module.ai[0]." below it
	key       string // the module's key in .terraform/modules/modules.json: "ai.network"
	via       []hcl.Range
	chain     []string // the module folders on the path from the root, to stop cycles
	depth     int
	// existenceUnknown marks a module instance that a count or for_each unknown until deployment may
	// not create; existenceRefs says what that count or for_each comes from.
	existenceUnknown bool
	existenceRefs    []model.Ref
	// dependsOn is what every resource of the module instance is deployed after: what the calls that
	// lead to it read and name in depends_on.
	dependsOn []model.Ref

	inputs  map[string]cty.Value
	vars    map[string]cty.Value
	locals  map[string]cty.Value
	modules map[string]cty.Value
	// expansions holds the instances of counted resources, worked out once in evalGraph.
	expansions map[*resourceBlock]expansion
	// resourceSyms and dataSyms are the symbolic references resources and data sources evaluate to.
	resourceSyms map[string]map[string]cty.Value
	dataSyms     cty.Value
	// ephemeralSyms are what ephemeral resources evaluate to.
	ephemeralSyms cty.Value
	funcs         map[string]function.Function
	out           *collector
}

// run evaluates the module and returns its outputs.
func (e *moduleEval) run() cty.Value {
	e.funcs = e.l.functions(e.root)
	e.evalVariables()
	e.symbols()
	e.locals, e.modules, e.expansions = map[string]cty.Value{}, map[string]cty.Value{}, map[*resourceBlock]expansion{}
	e.evalGraph()
	ctx := e.ctx()
	for _, rb := range e.mod.resources {
		e.evalResource(rb, ctx)
	}
	outputs := map[string]cty.Value{}
	for _, o := range e.mod.outputs {
		d := &decoder{ctx: ctx, header: o.header, addr: e.addr}
		v := d.value(o.value.Expr)
		e.note(d.problems)
		outputs[o.name] = v
		if e.depth == 0 {
			e.out.outputs = append(e.out.outputs, &model.Output{Name: o.name, Address: "output." + o.name, Range: o.header,
				Value: d.build(o.value.Expr, o.value.Range, v), Sensitive: isTrue(o.sensitive, ctx), Language: model.Terraform})
		}
	}
	return cty.ObjectVal(outputs)
}

// isTrue reports whether an argument such as sensitive is written and evaluates to true.
func isTrue(a *hcl.Attribute, ctx *hcl.EvalContext) bool {
	if a == nil {
		return false
	}
	v, diags := a.Expr.Value(ctx)
	v, _ = v.UnmarkDeep()
	return !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type() == cty.Bool && v.True()
}

func (e *moduleEval) ctx() *hcl.EvalContext {
	vars := map[string]cty.Value{
		"var":    cty.ObjectVal(e.vars),
		"local":  cty.ObjectVal(e.locals),
		"module": cty.ObjectVal(e.modules),
		"path": cty.ObjectVal(map[string]cty.Value{
			"module": cty.StringVal(e.modulePath()), "root": cty.StringVal("."), "cwd": cty.StringVal("."),
		}),
		"terraform": cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal(e.workspace), "applying": cty.False}),
	}
	for typ, names := range e.resourceSyms {
		vars[typ] = cty.ObjectVal(names)
	}
	vars["data"] = e.dataSyms
	vars["ephemeral"] = e.ephemeralSyms
	return &hcl.EvalContext{Variables: vars, Functions: e.funcs}
}

// symbols makes every resource and data source a reference that evaluates to an unknown value marked
// with its address, so that expressions built from it carry the reference: a private endpoint's
// private_connection_resource_id = azurerm_cognitive_account.oai.id names the account it joins. A counted
// or for_each resource starts as one reference to all its instances and becomes a tuple or object of
// per-instance references once its count or for_each is known (see evalGraph), so that
// azurerm_cognitive_account.shard[0].id names shard 0 alone.
func (e *moduleEval) symbols() {
	e.resourceSyms = map[string]map[string]cty.Value{}
	for _, rb := range e.mod.resources {
		if e.resourceSyms[rb.typ] == nil {
			e.resourceSyms[rb.typ] = map[string]cty.Value{}
		}
		e.resourceSyms[rb.typ][rb.name] = e.reference(model.ResourceRef, rb.typ+"."+rb.name)
	}
	e.dataSyms = e.outsideSymbols("data", e.mod.data)
	e.ephemeralSyms = e.outsideSymbols("ephemeral", e.mod.ephemeral)
}

// outsideSymbols makes data sources and ephemeral resources references to what only exists at
// deployment: data.TYPE.NAME, ephemeral.TYPE.NAME.
func (e *moduleEval) outsideSymbols(root string, blocks []*resourceBlock) cty.Value {
	byType := map[string]map[string]cty.Value{}
	for _, rb := range blocks {
		if byType[rb.typ] == nil {
			byType[rb.typ] = map[string]cty.Value{}
		}
		byType[rb.typ][rb.name] = e.reference(model.DataRef, root+"."+rb.typ+"."+rb.name)
	}
	types := map[string]cty.Value{}
	for typ, names := range byType {
		types[typ] = cty.ObjectVal(names)
	}
	return cty.ObjectVal(types)
}

func (e *moduleEval) reference(kind model.RefKind, local string) cty.Value {
	return cty.DynamicVal.Mark(model.Ref{Kind: kind, Address: e.addr + local})
}

// instanceSymbols returns what a resource's name stands for once its instances are known.
func (e *moduleEval) instanceSymbols(rb *resourceBlock, ctx *hcl.EvalContext) cty.Value {
	local := rb.typ + "." + rb.name
	exp := e.expand(rb.count, rb.forEach, ctx, rb.block.DefRange)
	e.expansions[rb] = exp
	switch exp.mode {
	case counted:
		if len(exp.instances) == 0 {
			return cty.EmptyTupleVal
		}
		elems := make([]cty.Value, len(exp.instances))
		for i, inst := range exp.instances {
			elems[i] = e.reference(model.ResourceRef, local+inst.suffix)
		}
		return cty.TupleVal(elems)
	case keyed:
		byKey := map[string]cty.Value{}
		for _, inst := range exp.instances {
			byKey[inst.key.AsString()] = e.reference(model.ResourceRef, local+inst.suffix)
		}
		return cty.ObjectVal(byKey)
	}
	return e.reference(model.ResourceRef, local)
}

func (e *moduleEval) evalVariables() {
	e.vars = map[string]cty.Value{}
	for _, v := range e.mod.variables {
		ty := v.typ
		val, given := e.inputs[v.name]
		if !given || (val.IsKnown() && val.IsNull() && !nullable(v)) {
			if v.defaultV == nil {
				e.vars[v.name] = cty.UnknownVal(ty.WithoutOptionalAttributesDeep()).
					Mark(model.Ref{Kind: model.InputRef, Address: e.addr + "var." + v.name})
				continue
			}
			val, _ = v.defaultV.Expr.Value(nil)
		}
		e.vars[v.name] = conform(val, ty, v.defaults)
	}
}

func nullable(v *variable) bool {
	if v.nullable == nil {
		return true
	}
	b, diags := v.nullable.Expr.Value(nil)
	return diags.HasErrors() || !b.IsKnown() || b.IsNull() || b.Type() != cty.Bool || b.True()
}

// conform converts a value to a variable's type, with the type's optional-attribute defaults; both keep
// the marks that carry references. A value that does not convert is kept as it is: the error is
// Terraform's to report.
func conform(val cty.Value, ty cty.Type, defaults *typeexpr.Defaults) cty.Value {
	if defaults != nil {
		val = defaults.Apply(val)
	}
	conv, err := convert.Convert(val, ty)
	if err != nil {
		return val
	}
	return conv
}

// evalCall evaluates every instance of a module call and returns what module.NAME stands for.
func (e *moduleEval) evalCall(call *moduleCall, ctx *hcl.EvalContext) cty.Value {
	// What a module that is not evaluated outputs lies outside what aigate sees, as a data source does.
	outside := cty.DynamicVal.Mark(model.Ref{Kind: model.DataRef, Address: e.addr + "module." + call.name})
	dir, ok := e.moduleDir(call)
	if !ok {
		return outside
	}
	if slices.Contains(e.chain, filepath.Clean(dir)) {
		e.warn(call, "Module cycle", fmt.Sprintf("Module %q calls %q, which is already being evaluated on this path; Terraform rejects such cycles, so it is not evaluated again.", call.name, call.source))
		return outside
	}
	if e.depth >= maxModuleDepth {
		e.warn(call, "Modules nested too deep", fmt.Sprintf("Module %q is nested %d modules deep; aigate stops there, so its resources are not scanned.", call.name, e.depth+1))
		return outside
	}
	mod, _ := e.l.module(dir)
	if mod == nil {
		return outside
	}
	exp := e.expand(call.count, call.forEach, ctx, call.block.DefRange)
	named := slices.Concat(e.dependsOn, e.namedDependencies(call.dependsOn))
	outputs := make([]cty.Value, len(exp.instances))
	for i, inst := range exp.instances {
		ictx := inst.context(ctx)
		inputs := map[string]cty.Value{}
		dependsOn := slices.Clone(named)
		for name, a := range call.inputs {
			v, diags := a.Expr.Value(ictx)
			e.note(diags)
			inputs[name] = failed(v, diags)
			dependsOn = append(dependsOn, resourceRefs(inputs[name])...)
		}
		child := &moduleEval{
			l: e.l, root: e.root, workspace: e.workspace, mod: mod, inputs: inputs, out: e.out, depth: e.depth + 1,
			addr:  e.addr + "module." + call.name + inst.suffix + ".",
			key:   e.childKey(call),
			via:   append(slices.Clone(e.via), call.block.DefRange),
			chain: append(slices.Clone(e.chain), filepath.Clean(dir)),

			existenceUnknown: e.existenceUnknown || exp.mode == unknownRepetition,
			existenceRefs:    model.SortedRefs(append(slices.Clone(e.existenceRefs), exp.refs...)),
			dependsOn:        model.SortedRefs(dependsOn),
		}
		outputs[i] = child.run()
	}
	return exp.collect(outputs)
}

// expand lists the instances of a counted block within the root's budget; past it, the block is evaluated
// once, as for an unknown count, and a warning says so.
func (e *moduleEval) expand(count, forEach *hcl.Attribute, ctx *hcl.EvalContext, rng hcl.Range) expansion {
	exp := expand(count, forEach, ctx)
	if exp.problem != nil {
		e.note(hcl.Diagnostics{exp.problem})
	}
	e.out.instances += len(exp.instances)
	if e.out.instances > maxRootInstances && exp.mode != unknownRepetition && len(exp.instances) > 1 {
		e.warnAt(rng, "Too many instances", fmt.Sprintf("This configuration creates more than %d resource and module instances; from here on aigate evaluates each counted block once.", maxRootInstances))
		return unknownExpansion(forEach != nil, nil)
	}
	return exp
}

// childKey is a module call's key in modules.json: the names of the calls from the root, dotted.
func (e *moduleEval) childKey(call *moduleCall) string {
	if e.key == "" {
		return call.name
	}
	return e.key + "." + call.name
}

// moduleDir finds the folder of a module call: a local path, or what terraform init downloaded and
// recorded in .terraform/modules/modules.json. A remote module that is not there is skipped, with one
// warning per root.
func (e *moduleEval) moduleDir(call *moduleCall) (string, bool) {
	if isLocalSource(call.source) {
		dir := filepath.Join(e.mod.dir, call.source)
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir, true
		}
		e.warn(call, "Local module not found", fmt.Sprintf("Module %q has source %q, which is not a folder here; its resources are not scanned.", call.name, call.source))
		return "", false
	}
	dir, ok, err := e.l.downloaded(e.root, e.childKey(call))
	if ok {
		return dir, true
	}
	if err != nil {
		e.warnAt(hcl.Range{Filename: manifestPath(e.root), Start: hcl.InitialPos, End: hcl.InitialPos}, "Cannot read modules.json",
			fmt.Sprintf("terraform init records downloaded modules in this file, but it cannot be read (%v); downloaded modules are not scanned.", err))
	}
	e.warn(call, "Remote module skipped", fmt.Sprintf("Module %q comes from %q, which is not downloaded under .terraform/modules; aigate does not fetch modules, so its resources are not scanned. Run terraform init to include it.", call.name, call.source))
	return "", false
}

// note reports evaluation errors (and the front end's own warnings) as warnings. Terraform would refuse
// such a configuration; aigate goes on, the failed value unknown, so the user learns both that a setting
// could not be judged and why. Calls to provider-defined functions are not errors of the user's: only the
// provider can evaluate them.
func (e *moduleEval) note(diags hcl.Diagnostics) {
	for _, d := range diags {
		if isProviderFunctionCall(d) {
			continue
		}
		warning := *d
		warning.Severity = hcl.DiagWarning
		e.out.diags = append(e.out.diags, &warning)
	}
}

// failed marks a value whose evaluation failed with where it failed, so that a finding it decides says so
// rather than calling it unknown until deployment. Provider-defined functions are not failures.
func failed(v cty.Value, diags hcl.Diagnostics) cty.Value {
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil && !isProviderFunctionCall(d) {
			return cty.DynamicVal.Mark(model.Ref{Kind: model.FailedRef, Address: fmt.Sprintf("%s:%d", d.Subject.Filename, d.Subject.Start.Line)})
		}
	}
	return v
}

func isProviderFunctionCall(d *hcl.Diagnostic) bool {
	call, ok := d.Expression.(*hclsyntax.FunctionCallExpr)
	return ok && strings.Contains(call.Name, "::")
}

func (e *moduleEval) warn(call *moduleCall, summary, detail string) {
	e.warnAt(call.block.DefRange, summary, detail)
}

// warnAt reports a warning once per place, however many module instances reach it.
func (e *moduleEval) warnAt(rng hcl.Range, summary, detail string) {
	key := summary + "\x00" + rng.String()
	if e.out.warned[key] {
		return
	}
	e.out.warned[key] = true
	e.out.diags = append(e.out.diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: summary, Detail: detail, Subject: &rng})
}

func (e *moduleEval) evalResource(rb *resourceBlock, ctx *hcl.EvalContext) {
	adapt := adapterFor(rb.typ)
	if adapt == nil {
		return
	}
	exp, ok := e.expansions[rb]
	if !ok {
		exp = e.expand(rb.count, rb.forEach, ctx, rb.block.DefRange)
	}
	dependsOn := model.SortedRefs(slices.Concat(e.dependsOn, e.namedDependencies(rb.dependsOn)))
	for _, inst := range exp.instances {
		d := &decoder{ctx: inst.context(ctx), header: rb.block.DefRange, addr: e.addr}
		r := adapt(d, rb)
		e.note(d.problems)
		if r == nil {
			continue
		}
		r.ExistenceUnknown = e.existenceUnknown || exp.mode == unknownRepetition
		r.ExistenceRefs = model.SortedRefs(append(slices.Clone(e.existenceRefs), exp.refs...))
		r.DependsOn = slices.Clone(dependsOn)
		r.Address = e.addr + rb.typ + "." + rb.name + inst.suffix
		r.Via = e.via
		r.Language = model.Terraform
		e.out.resources = append(e.out.resources, r)
		if azapi.Handles(rb.typ) {
			e.out.azapi = append(e.out.azapi, r)
		}
	}
}

// modulePath is path.module as Terraform gives it: the module's folder relative to the root, where
// terraform runs. File functions resolve paths from the root too, so file("${path.module}/x") works.
func (e *moduleEval) modulePath() string {
	rel, err := filepath.Rel(e.root, e.mod.dir)
	if err != nil {
		return e.mod.dir
	}
	return filepath.ToSlash(rel)
}
