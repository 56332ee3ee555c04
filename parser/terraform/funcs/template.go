package funcs

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// A template consisting of a single interpolation yields that value unconverted, so the result type of
// templatefile and templatestring is only known by rendering: their Type functions render once to learn
// it, and Impl renders again, as Terraform does.

func templateFileFunc(baseDir string, funcs map[string]function.Function) function.Function {
	render := func(args []cty.Value) (cty.Value, error) {
		path, err := resolve(baseDir, args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		src, err := readFile(baseDir, path)
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		return renderTemplate(src, args[0].AsString(), args[1], funcs)
	}
	return templateFunc("path", render)
}

func templateStringFunc(funcs map[string]function.Function) function.Function {
	return templateFunc("template", func(args []cty.Value) (cty.Value, error) {
		return renderTemplate([]byte(args[0].AsString()), "<templatestring>", args[1], funcs)
	})
}

func templateFunc(param string, render func([]cty.Value) (cty.Value, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: param, Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: func(args []cty.Value) (cty.Type, error) {
			if !args[0].IsKnown() || !args[1].IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			v, err := render(args)
			if err != nil {
				return cty.NilType, err
			}
			return v.Type(), nil
		},
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return render(args)
		},
	})
}

func renderTemplate(src []byte, filename string, vars cty.Value, funcs map[string]function.Function) (cty.Value, error) {
	if ty := vars.Type(); !ty.IsMapType() && !ty.IsObjectType() {
		return cty.NilVal, function.NewArgErrorf(1, "vars must be a map or an object, not %s", ty.FriendlyName())
	}
	variables := make(map[string]cty.Value, vars.LengthInt())
	for it := vars.ElementIterator(); it.Next(); {
		k, v := it.Element()
		name := k.AsString()
		if !hclsyntax.ValidIdentifier(name) {
			return cty.NilVal, function.NewArgErrorf(1, "invalid template variable name %q: must start with a letter, followed by zero or more letters, digits, and underscores", name)
		}
		variables[name] = v
	}

	expr, diags := hclsyntax.ParseTemplate(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	// A reference to a missing variable is the template author's mistake; say so by name rather than
	// leave HCL's generic unknown-variable message.
	for _, traversal := range expr.Variables() {
		if _, ok := variables[traversal.RootName()]; !ok {
			return cty.NilVal, function.NewArgErrorf(1, "vars map does not contain key %q, referenced at %s", traversal.RootName(), traversal.SourceRange())
		}
	}
	v, diags := expr.Value(&hcl.EvalContext{Variables: variables, Functions: funcs})
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	return v, nil
}
