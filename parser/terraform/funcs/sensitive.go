package funcs

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Mark is the type of the cty marks this package puts on values.
type Mark string

// Sensitive marks a value Terraform would redact from its output: what sensitive() returns.
const Sensitive Mark = "sensitive"

// anyValue is the parameter of the functions that pass their argument through: they must see it whole,
// unknown, null and marked alike.
var anyValue = []function.Parameter{{
	Name:             "value",
	Type:             cty.DynamicPseudoType,
	AllowUnknown:     true,
	AllowNull:        true,
	AllowMarked:      true,
	AllowDynamicType: true,
}}

func sameType(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil }

var sensitiveFunc = function.New(&function.Spec{
	Params: anyValue,
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0].Mark(Sensitive), nil
	},
})

// nonSensitiveFunc removes only the top-level mark, as Terraform does: sensitive values nested inside
// stay sensitive. Like Terraform since 1.7, it accepts a value that was not sensitive.
var nonSensitiveFunc = function.New(&function.Spec{
	Params: anyValue,
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		delete(marks, Sensitive)
		return v.WithMarks(marks), nil
	},
})

var isSensitiveFunc = function.New(&function.Spec{
	Params: anyValue,
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		switch v := args[0]; {
		case v.HasMark(Sensitive):
			return cty.True, nil
		case !v.IsKnown():
			// An unknown value may yet turn out to come from a sensitive source.
			return cty.UnknownVal(cty.Bool).RefineNotNull(), nil
		default:
			return cty.False, nil
		}
	},
})

// ephemeralAsNullFunc passes its argument through: nothing evaluated offline is ephemeral.
var ephemeralAsNullFunc = function.New(&function.Spec{
	Params: anyValue,
	Type:   sameType,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0], nil
	},
})
