package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// rootInputs gathers the values of a root module's variables in Terraform's order of precedence, later
// winning: TF_VAR_ environment variables, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars and
// *.auto.tfvars.json in lexical order, then the var files and vars of the command line.
func (l *loader) rootInputs(dir string, mod *module, opts Options) (map[string]cty.Value, hcl.Diagnostics) {
	types := map[string]cty.Type{}
	for _, v := range mod.variables {
		types[v.name] = v.typ
	}
	inputs := map[string]cty.Value{}
	var diags hcl.Diagnostics
	for _, kv := range os.Environ() {
		name, raw, _ := strings.Cut(kv, "=")
		if name, ok := strings.CutPrefix(name, "TF_VAR_"); ok {
			if ty, declared := types[name]; declared {
				inputs[name] = rawInput(raw, ty)
			}
		}
	}
	files := []string{filepath.Join(dir, "terraform.tfvars"), filepath.Join(dir, "terraform.tfvars.json")}
	var auto []string
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if !e.IsDir() && (strings.HasSuffix(e.Name(), ".auto.tfvars") || strings.HasSuffix(e.Name(), ".auto.tfvars.json")) {
				auto = append(auto, filepath.Join(dir, e.Name()))
			}
		}
	}
	slices.Sort(auto)
	files = append(files, auto...)
	for _, f := range files {
		if _, err := os.Stat(f); err == nil {
			diags = append(diags, l.readVarFile(f, inputs)...)
		}
	}
	for _, in := range opts.Inputs {
		if in.File != "" {
			diags = append(diags, l.readVarFile(in.File, inputs)...)
			continue
		}
		name, raw, ok := strings.Cut(in.Var, "=")
		if !ok {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid --var",
				Detail: fmt.Sprintf("%q is not of the form name=value.", in.Var)})
			continue
		}
		if ty, declared := types[name]; declared {
			inputs[name] = rawInput(raw, ty)
		}
	}
	return inputs, diags
}

// readVarFile reads a .tfvars or .tfvars.json file into inputs. Values are literals: tfvars may not
// refer to anything.
func (l *loader) readVarFile(path string, inputs map[string]cty.Value) hcl.Diagnostics {
	file, diags := l.parseFile(path)
	if file == nil {
		return diags
	}
	attrs, attrDiags := file.Body.JustAttributes()
	diags = append(diags, attrDiags...)
	for _, a := range sortedAttributes(attrs) {
		v, valDiags := a.Expr.Value(nil)
		diags = append(diags, valDiags...)
		inputs[a.Name] = v
	}
	return diags
}

// rawInput reads a value given as text on the command line or in the environment the way Terraform does:
// a string for primitive types, HCL syntax for collections and objects.
func rawInput(raw string, ty cty.Type) cty.Value {
	if ty.IsPrimitiveType() || ty == cty.DynamicPseudoType {
		return cty.StringVal(raw)
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), "<value>", hcl.InitialPos)
	if diags.HasErrors() {
		return cty.StringVal(raw)
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		return cty.StringVal(raw)
	}
	return v
}
