package terraform

import (
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/terraform/azapi"
	"github.com/aigate-dev/aigate/parser/terraform/azurerm"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// decoder evaluates one resource instance's body.
type decoder struct {
	ctx    *hcl.EvalContext
	header hcl.Range
	addr   string // the address prefix of the module the resource is in
	// problems gathers the evaluation errors of what the adapters read; see moduleEval.note.
	problems hcl.Diagnostics
}

type adapter func(d *decoder, rb *resourceBlock) *model.Resource

func adapterFor(tfType string) adapter {
	if schema, ok := azurerm.SchemaOf(tfType); ok {
		return func(d *decoder, rb *resourceBlock) *model.Resource { return d.azurerm(rb, schema) }
	}
	if azapi.Handles(tfType) {
		return func(d *decoder, rb *resourceBlock) *model.Resource { return d.azapi(rb) }
	}
	return nil
}

// value evaluates an expression the adapters read, keeping its evaluation errors.
func (d *decoder) value(expr hcl.Expression) cty.Value {
	v, diags := expr.Value(d.ctx)
	d.problems = append(d.problems, diags...)
	return failed(v, diags)
}

// child returns a decoder for expressions that see more variables than d's, such as a for expression's
// iterators.
func (d *decoder) child(ctx *hcl.EvalContext) *decoder {
	c := *d
	c.ctx, c.problems = ctx, nil
	return &c
}

func (d *decoder) azapi(rb *resourceBlock) *model.Resource {
	content, _, diags := dynblock.Expand(rb.body, d.ctx).PartialContent(azapiSchema)
	d.problems = append(d.problems, diags...)
	var args azapi.Args
	for _, arg := range []struct {
		name string
		dst  **model.Value
	}{
		{"type", &args.Type}, {"name", &args.Name}, {"parent_id", &args.ParentID}, {"resource_id", &args.ResourceID},
		{"location", &args.Location}, {"tags", &args.Tags},
	} {
		if a := content.Attributes[arg.name]; a != nil {
			*arg.dst = d.attribute(a)
		}
	}
	if a := content.Attributes["type"]; a != nil && !args.Type.IsKnown() {
		args.Type = d.typePrefix(a)
	}
	if a := content.Attributes["resource_id"]; a != nil && args.Name == nil && !args.ResourceID.IsKnown() {
		typ, _ := args.Type.String()
		armType, _, _ := strings.Cut(typ, "@")
		args.Name = trailingName(a.Expr, armType)
	}
	if a := content.Attributes["body"]; a != nil {
		args.Body = d.body(a)
	}
	if blocks := content.Blocks.OfType("identity"); len(blocks) > 0 {
		content, _, diags := blocks[0].Body.PartialContent(azapiIdentitySchema)
		d.problems = append(d.problems, diags...)
		identity := model.NewObject(blocks[0].DefRange, model.Set)
		for _, a := range sortedAttributes(content.Attributes) {
			identity.Put(a.Name, d.attribute(a))
		}
		args.Identity = identity
	}
	r, ok := azapi.Adapt(rb.typ, d.header, args)
	if !ok {
		d.problems = append(d.problems, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Resource type unknown",
			Detail:  "The type of this resource cannot be known before deployment, so no rule can judge it.",
			Subject: d.header.Ptr()})
		return nil
	}
	return r
}

// typePrefix reads the resource type from a type whose api-version is not known, such as
// "Microsoft.CognitiveServices/accounts@${var.api_version}": the known prefix of the string holds it.
func (d *decoder) typePrefix(a *hcl.Attribute) *model.Value {
	v, _ := a.Expr.Value(d.ctx)
	v, _ = v.UnmarkDeep()
	if v.IsKnown() || v.Type() != cty.String {
		return nil
	}
	prefix := v.Range().StringPrefix()
	at := strings.Index(prefix, "@")
	if at < 0 {
		return nil
	}
	return model.NewPrimitive(cty.StringVal(prefix[:at+1]), a.Range, model.Set)
}

// trailingName reads the target's name from a resource ID of armType built as
// "${parent}/.../accounts/NAME", where the parent is unknown but the name is written out.
func trailingName(expr hcl.Expression, armType string) *model.Value {
	tmpl, ok := expr.(*hclsyntax.TemplateExpr)
	if !ok || len(tmpl.Parts) == 0 {
		return nil
	}
	last, ok := tmpl.Parts[len(tmpl.Parts)-1].(*hclsyntax.LiteralValueExpr)
	if !ok || last.Val.Type() != cty.String {
		return nil
	}
	name, ok := azapi.NameInTail(armType, last.Val.AsString())
	if !ok {
		return nil
	}
	return model.NewPrimitive(cty.StringVal(name), last.Range(), model.Set)
}

// azapiIdentitySchema is read through a schema rather than as bare attributes, so that a dynamic identity
// block gets its iterator (and unknown values when its for_each is unknown).
var azapiIdentitySchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "type"}, {Name: "identity_ids"}}}

var azapiSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "type"}, {Name: "name"}, {Name: "parent_id"}, {Name: "resource_id"}, {Name: "location"}, {Name: "tags"}, {Name: "body"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "identity"}},
}

// body evaluates an azapi body. For jsonencode(x), the 1.x form, it evaluates x itself, so that every
// property keeps the range it was written at.
func (d *decoder) body(a *hcl.Attribute) *model.Value {
	if call, ok := unparen(a.Expr).(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 {
		if v, diags := call.Args[0].Value(d.ctx); !diags.HasErrors() {
			return d.build(call.Args[0], a.Range, v)
		}
	}
	return d.attribute(a)
}

func (d *decoder) attribute(a *hcl.Attribute) *model.Value {
	return d.build(a.Expr, a.Range, d.value(a.Expr))
}

// build turns val, the value of expr, into a model value whose nodes carry the ranges of the syntax that
// wrote them: an object item's "key = value", a tuple element, the chosen branch of a conditional.
// Where no literal syntax wrote a node (a variable, a function result), it takes rng, the range of the
// nearest syntax that did.
func (d *decoder) build(expr hcl.Expression, rng hcl.Range, val cty.Value) *model.Value {
	expr, chose := d.unwrap(expr)
	val, marks := val.Unmark()
	if chose && (!val.IsKnown() || val.Type().IsPrimitiveType()) {
		// val may have gone through a transform, so only the branch's references are taken from it.
		if branch, diags := expr.Value(d.ctx); !diags.HasErrors() {
			_, marks = branch.UnmarkDeep()
		}
	}
	refs := model.RefsOf(marks)
	var node *model.Value
	ty := val.Type()
	if !val.IsKnown() || ty.IsObjectType() || ty.IsMapType() {
		if obj := d.filteredObject(expr, rng); obj != nil {
			obj.Refs = refs
			return obj
		}
	}
	switch {
	case !val.IsKnown():
		if len(refs) == 0 && expr != nil {
			refs = d.traversalRefs(expr)
		}
		return model.NewUnknown(rng, refs...)
	case val.IsNull():
		node = model.NewPrimitive(val, rng, model.Set)
	case ty.IsObjectType() || ty.IsMapType():
		items := d.items(expr)
		var fields []model.Field
		for it := val.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			name := k.AsString()
			var child *model.Value
			if found, ok := items[name]; ok {
				child = d.build(found.value, found.rng, ev)
			} else {
				child = d.build(nil, rng, ev)
			}
			fields = append(fields, model.Field{Name: name, Value: child})
		}
		node = model.NewObject(rng, model.Set, fields...)
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		var exprs []hcl.Expression
		if list, diags := listExprs(expr); !diags.HasErrors() && !ty.IsSetType() && len(list) == val.LengthInt() {
			exprs = list
		}
		var elems []*model.Value
		for it := val.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if exprs != nil {
				e := exprs[len(elems)]
				elems = append(elems, d.build(e, e.Range(), ev))
			} else {
				elems = append(elems, d.build(nil, rng, ev))
			}
		}
		node = model.NewList(rng, model.Set, elems...)
	default:
		node = model.NewPrimitive(val, rng, model.Set)
	}
	node.Refs = refs
	return node
}

// listExprs returns the element expressions of a list constructor in either syntax.
func listExprs(expr hcl.Expression) ([]hcl.Expression, hcl.Diagnostics) {
	if expr == nil {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError}}
	}
	return hcl.ExprList(expr)
}

// unwrap looks through syntax that passes a value on unchanged, to the syntax that wrote it. chose
// reports whether it went into one branch of a conditional: the conditional's value carries the
// references of both branches, the branch's value only its own.
func (d *decoder) unwrap(expr hcl.Expression) (inner hcl.Expression, chose bool) {
	for {
		switch x := unparen(expr).(type) {
		case *hclsyntax.TemplateWrapExpr:
			expr = x.Wrapped
		case *hclsyntax.ConditionalExpr:
			cond, diags := x.Condition.Value(d.ctx)
			cond, _ = cond.Unmark()
			if diags.HasErrors() || !cond.IsKnown() || cond.IsNull() || cond.Type() != cty.Bool {
				return x, chose
			}
			if cond.True() {
				expr = x.TrueResult
			} else {
				expr = x.FalseResult
			}
			chose = true
		default:
			return x, chose
		}
	}
}

func unparen(expr hcl.Expression) hcl.Expression {
	for {
		p, ok := expr.(*hclsyntax.ParenthesesExpr)
		if !ok {
			return expr
		}
		expr = p.Expression
	}
}

// item is where an object constructor wrote one key: the "key = value" range and the value's syntax.
type item struct {
	rng   hcl.Range
	value hcl.Expression
}

// items maps the keys of an object to where object constructors wrote them, in either syntax, also
// through merge() (the last argument that has a key wins) and through a for expression that only filters.
// A key that a non-literal wrote has no item: its node takes the range of the whole expression.
func (d *decoder) items(expr hcl.Expression) map[string]item {
	if expr == nil {
		return nil
	}
	switch x := expr.(type) {
	case *hclsyntax.FunctionCallExpr:
		if x.Name != "merge" || x.ExpandFinal {
			return nil
		}
		out := map[string]item{}
		for _, arg := range x.Args {
			v, diags := arg.Value(d.ctx)
			v, _ = v.Unmark()
			if diags.HasErrors() || !v.IsKnown() {
				return nil
			}
			if v.IsNull() || (!v.Type().IsObjectType() && !v.Type().IsMapType()) {
				continue
			}
			argExpr, _ := d.unwrap(arg)
			literal := d.items(argExpr)
			for it := v.ElementIterator(); it.Next(); {
				k, _ := it.Element()
				if found, ok := literal[k.AsString()]; ok {
					out[k.AsString()] = found
				} else {
					delete(out, k.AsString())
				}
			}
		}
		return out
	case *hclsyntax.ForExpr:
		if x.KeyExpr == nil || x.Group || !isVariable(x.KeyExpr, x.KeyVar) || !isVariable(x.ValExpr, x.ValVar) {
			return nil
		}
		inner, _ := d.unwrap(x.CollExpr)
		return d.items(inner)
	}
	pairs, diags := hcl.ExprMap(expr)
	if diags.HasErrors() {
		return nil
	}
	out := map[string]item{}
	for _, pair := range pairs {
		k, diags := pair.Key.Value(d.ctx)
		k, _ = k.Unmark()
		if diags.HasErrors() || !k.IsKnown() || k.IsNull() || k.Type() != cty.String {
			continue
		}
		out[k.AsString()] = item{rng: hcl.RangeBetween(pair.Key.Range(), pair.Value.Range()), value: pair.Value}
	}
	return out
}

// filteredObject looks into a for expression that builds an object, such as the pattern
// { for k, v in { ... } : k => v if v != null } that drops null properties. Its value is unknown as a
// whole when any one element is (the condition on it is), which would hide every setting beside it.
// Element by element, what is known stays known: an element whose condition is false is dropped, one whose
// condition is unknown is kept. It returns nil when the keys themselves cannot be told.
func (d *decoder) filteredObject(expr hcl.Expression, rng hcl.Range) *model.Value {
	forExpr, ok := expr.(*hclsyntax.ForExpr)
	if !ok || forExpr.KeyExpr == nil || forExpr.Group {
		return nil
	}
	coll, diags := forExpr.CollExpr.Value(d.ctx)
	coll, _ = coll.Unmark()
	if diags.HasErrors() || !coll.IsKnown() || coll.IsNull() || (!coll.Type().IsObjectType() && !coll.Type().IsMapType()) {
		return nil
	}
	collExpr, _ := d.unwrap(forExpr.CollExpr)
	items := d.items(collExpr)
	var fields []model.Field
	for it := coll.ElementIterator(); it.Next(); {
		k, v := it.Element()
		child := d.ctx.NewChild()
		child.Variables = map[string]cty.Value{forExpr.ValVar: v}
		if forExpr.KeyVar != "" {
			child.Variables[forExpr.KeyVar] = k
		}
		var kept cty.Value
		if forExpr.CondExpr != nil {
			var diags hcl.Diagnostics
			kept, diags = forExpr.CondExpr.Value(child)
			if raw, _ := kept.Unmark(); !diags.HasErrors() && raw.IsKnown() && !raw.IsNull() && raw.Type() == cty.Bool && raw.False() {
				continue
			}
		}
		key, diags := forExpr.KeyExpr.Value(child)
		key, _ = key.Unmark()
		if diags.HasErrors() || !key.IsKnown() || key.IsNull() || key.Type() != cty.String {
			return nil
		}
		val, _ := forExpr.ValExpr.Value(child)
		var node *model.Value
		if found, ok := items[k.AsString()]; ok && isVariable(forExpr.ValExpr, forExpr.ValVar) {
			node = d.build(found.value, found.rng, val)
		} else {
			node = d.child(child).build(forExpr.ValExpr, rng, val)
		}
		if raw, marks := kept.Unmark(); forExpr.CondExpr != nil && !raw.IsKnown() {
			// Whether the element is kept at all is unknown.
			node = model.NewUnknown(node.Range, model.RefsOf(marks)...)
		}
		fields = append(fields, model.Field{Name: key.AsString(), Value: node})
	}
	return model.NewObject(rng, model.Set, fields...)
}

// traversalRefs names the inputs, data sources and resources an expression reads. It stands in for the
// marks that some operations drop from unknown values (cty's Not, for one), so that a message can still
// say where an unknown value comes from.
func (d *decoder) traversalRefs(expr hcl.Expression) []model.Ref {
	var refs []model.Ref
	for _, t := range expr.Variables() {
		steps := make([]string, 0, 3)
		for _, step := range t {
			switch s := step.(type) {
			case hcl.TraverseRoot:
				steps = append(steps, s.Name)
			case hcl.TraverseAttr:
				steps = append(steps, s.Name)
			}
			if len(steps) == 3 {
				break
			}
		}
		switch {
		case len(steps) >= 2 && steps[0] == "var":
			refs = append(refs, model.Ref{Kind: model.InputRef, Address: d.addr + "var." + steps[1]})
		case len(steps) >= 3 && (steps[0] == "data" || steps[0] == "ephemeral"):
			refs = append(refs, model.Ref{Kind: model.DataRef, Address: d.addr + strings.Join(steps[:3], ".")})
		case len(steps) >= 2 && !nonResourceRoots[steps[0]]:
			refs = append(refs, model.Ref{Kind: model.ResourceRef, Address: d.addr + steps[0] + "." + steps[1]})
		}
	}
	return model.SortedRefs(refs)
}

// nonResourceRoots are the names a traversal can start with that are not resource types.
var nonResourceRoots = map[string]bool{
	"var": true, "local": true, "module": true, "data": true, "path": true, "terraform": true,
	"count": true, "each": true, "self": true, "ephemeral": true,
}

// isVariable reports whether expr is nothing but a reference to the named variable.
func isVariable(expr hcl.Expression, name string) bool {
	t, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	return ok && len(t.Traversal) == 1 && t.Traversal.RootName() == name
}
