package funcs

import (
	"errors"

	"github.com/hashicorp/hcl/v2/ext/customdecode"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// tryFunc is Terraform's try. HCL's own (ext/tryfunc) answers an argument that is not yet known with a
// bare unknown value, which drops the marks that say what the value was computed from; the linter needs
// them to join a resource to the one it names, as in cognitive_account_id = try(azurerm_x.y.id, null).
var tryFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "expressions", Type: customdecode.ExpressionClosureType},
	Type: func(args []cty.Value) (cty.Type, error) {
		v, err := try(args)
		if err != nil {
			return cty.NilType, err
		}
		return v.Type(), nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return try(args) },
})

func try(args []cty.Value) (cty.Value, error) {
	if len(args) == 0 {
		return cty.NilVal, errors.New("at least one argument is required")
	}
	for _, arg := range args {
		v, diags := customdecode.ExpressionClosureFromVal(arg).Value()
		if diags.HasErrors() {
			continue
		}
		if !v.IsKnown() {
			// A later evaluation might fail where this one did not, so the answer is unknown; what it
			// is computed from stays attached.
			_, marks := v.UnmarkDeep()
			return cty.DynamicVal.WithMarks(marks), nil
		}
		// Terraform answers unknown for a value only partly known, too; the linter keeps the known parts,
		// which decide settings on their own: a try() around an object with one unknown member would
		// otherwise hide the others.
		return v, nil
	}
	return cty.NilVal, errors.New("no expression succeeded")
}

// canFunc is Terraform's can, with the same care for marks as tryFunc.
var canFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "expression", Type: customdecode.ExpressionClosureType}},
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, diags := customdecode.ExpressionClosureFromVal(args[0]).Value()
		if diags.HasErrors() {
			return cty.False, nil
		}
		if !v.IsWhollyKnown() {
			_, marks := v.UnmarkDeep()
			return cty.UnknownVal(cty.Bool).WithMarks(marks), nil
		}
		return cty.True, nil
	},
})
