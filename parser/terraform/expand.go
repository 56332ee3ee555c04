package terraform

import (
	"math/big"
	"strconv"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

type repetition uint8

const (
	single repetition = iota
	counted
	keyed
	// unknownRepetition is a count or for_each that cannot be known before deployment: the block is
	// evaluated once, with unknown count.index or each, since whatever instances exist share its settings.
	unknownRepetition
)

// maxInstances bounds what one count or for_each creates. Real configurations stay far below it; past it
// the block is evaluated once, as for an unknown count, rather than exhausting memory on a typo.
const maxInstances = 4096

type expansion struct {
	mode      repetition
	instances []instance
	// refs are what an unknown count or for_each comes from.
	refs []model.Ref
	// problem says why Terraform would refuse the count or for_each, when it would.
	problem *hcl.Diagnostic
}

type instance struct {
	suffix   string // address suffix: "", "[0]", `["east"]`
	hasCount bool
	count    cty.Value // count.index
	hasEach  bool
	key      cty.Value // each.key
	value    cty.Value // each.value
}

// expand lists the instances that count or for_each create.
func expand(count, forEach *hcl.Attribute, ctx *hcl.EvalContext) expansion {
	switch {
	case count != nil:
		return expandCount(count, ctx)
	case forEach != nil:
		return expandForEach(forEach, ctx)
	}
	return expansion{mode: single, instances: []instance{{}}}
}

func unknownExpansion(withEach bool, marks cty.ValueMarks) expansion {
	inst := instance{hasCount: true, count: cty.UnknownVal(cty.Number)}
	if withEach {
		inst = instance{hasEach: true, key: cty.UnknownVal(cty.String), value: cty.DynamicVal.WithMarks(marks)}
	}
	return expansion{mode: unknownRepetition, instances: []instance{inst}, refs: model.RefsOf(marks)}
}

func expandCount(attr *hcl.Attribute, ctx *hcl.EvalContext) expansion {
	v, diags := attr.Expr.Value(ctx)
	v, marks := v.UnmarkDeep()
	if diags.HasErrors() || !v.IsKnown() {
		return unknownExpansion(false, marks)
	}
	if v.IsNull() {
		return expansion{mode: single, instances: []instance{{}}}
	}
	v, err := convert.Convert(v, cty.Number)
	if err != nil {
		return unknownExpansion(false, marks)
	}
	n, accuracy := v.AsBigFloat().Int64()
	if accuracy != big.Exact || n < 0 || n > maxInstances {
		return unknownExpansion(false, marks)
	}
	exp := expansion{mode: counted}
	for i := range n {
		exp.instances = append(exp.instances, instance{suffix: "[" + strconv.FormatInt(i, 10) + "]", hasCount: true, count: cty.NumberIntVal(i)})
	}
	return exp
}

func expandForEach(attr *hcl.Attribute, ctx *hcl.EvalContext) expansion {
	v, diags := attr.Expr.Value(ctx)
	raw, marks := v.UnmarkDeep()
	if diags.HasErrors() || !raw.IsKnown() {
		return unknownExpansion(true, marks)
	}
	if raw.IsNull() {
		return expansion{mode: keyed, problem: &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Null for_each",
			Detail:  "for_each is null here, which Terraform rejects; aigate creates no instance of this block.",
			Subject: attr.Expr.Range().Ptr()}}
	}
	ty := raw.Type()
	if !ty.IsMapType() && !ty.IsObjectType() && !ty.IsSetType() {
		return unknownExpansion(true, marks)
	}
	if ty.IsSetType() && !raw.IsWhollyKnown() {
		return unknownExpansion(true, marks)
	}
	if raw.LengthInt() > maxInstances {
		return unknownExpansion(true, marks)
	}
	exp := expansion{mode: keyed}
	elems, _ := v.Unmark() // the elements keep their marks: each.value = azurerm_x.y["k"] names that instance
	for it := elems.ElementIterator(); it.Next(); {
		k, elem := it.Element()
		if ty.IsSetType() {
			k = elem
		}
		k, _ = k.UnmarkDeep()
		if k.IsNull() || k.Type() != cty.String {
			return unknownExpansion(true, marks)
		}
		exp.instances = append(exp.instances, instance{suffix: "[" + strconv.Quote(k.AsString()) + "]", hasEach: true, key: k, value: elem})
	}
	return exp
}

// context returns the evaluation context of one instance: ctx with count.index or each.key and
// each.value.
func (inst instance) context(ctx *hcl.EvalContext) *hcl.EvalContext {
	if !inst.hasCount && !inst.hasEach {
		return ctx
	}
	child := ctx.NewChild()
	child.Variables = map[string]cty.Value{}
	if inst.hasCount {
		child.Variables["count"] = cty.ObjectVal(map[string]cty.Value{"index": inst.count})
	}
	if inst.hasEach {
		child.Variables["each"] = cty.ObjectVal(map[string]cty.Value{"key": inst.key, "value": inst.value})
	}
	return child
}

// collect assembles what the instances of a module call produced into the value module.NAME has.
func (exp expansion) collect(outputs []cty.Value) cty.Value {
	switch exp.mode {
	case counted:
		if len(outputs) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(outputs)
	case keyed:
		byKey := map[string]cty.Value{}
		for i, inst := range exp.instances {
			byKey[inst.key.AsString()] = outputs[i]
		}
		return cty.ObjectVal(byKey)
	case unknownRepetition:
		marks := cty.ValueMarks{}
		for _, r := range exp.refs {
			marks[r] = struct{}{}
		}
		return cty.DynamicVal.WithMarks(marks)
	}
	return outputs[0]
}
