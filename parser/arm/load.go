// Package arm is the ARM JSON front end: deployment templates as people write them by hand and as
// bicep build compiles them, with their parameters, variables, expressions, copy loops, conditions,
// child resources, languageVersion 2.0 symbolic resources and nested inline deployments.
package arm

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Options are the inputs of the templates.
type Options struct {
	// ParamFiles are parameter files given on the command line; their values apply to every template
	// that declares the parameters they name, after the file found beside the template.
	ParamFiles []string
}

// Result is what the front end read.
type Result struct {
	// Deployments are one per top-level template, with the resources of its nested deployments: what
	// the rules judge. EvaluateModule leaves them to its caller's deployment.
	Deployments []*model.Deployment
	// Resources are every declaration read, in order, before a deployment merges re-declarations.
	Resources   []*model.Resource
	Diagnostics hcl.Diagnostics
	// Sources holds the text of the templates read, by file name. Parameter files are left out: they
	// are where secrets are passed in.
	Sources map[string][]byte
	// Files counts the templates and parameter files read.
	Files int
}

// Load reads JSON files and evaluates the deployment templates among them. A parameter file applies to
// the template beside it (main.parameters.json for main.json); any other JSON is passed over silently.
func Load(files []string, opts Options) Result {
	res := Result{Sources: map[string][]byte{}}
	parameterFiles := map[string]*Node{}
	type templateFile struct {
		path  string
		root  *Node
		cutAt *hcl.Pos
	}
	var templates []templateFile
	for _, f := range files {
		root, src, diags, kind := readJSON(f)
		switch kind {
		case templateKind:
			templates = append(templates, templateFile{path: f, root: root, cutAt: cutAt(diags)})
			res.Sources[f] = src
			res.Diagnostics = append(res.Diagnostics, diags...)
			res.Files++
		case parametersKind:
			parameterFiles[f] = root
			res.Diagnostics = append(res.Diagnostics, diags...)
			res.Files++
		}
	}
	var given []map[string]cty.Value
	for _, f := range opts.ParamFiles {
		root, _, diags, kind := readJSON(f)
		res.Diagnostics = append(res.Diagnostics, diags...)
		if kind == parametersKind {
			given = append(given, parameterValues(root))
			res.Files++
		} else if !diags.HasErrors() {
			res.Diagnostics = append(res.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Not a parameter file",
				Detail:  "--param-file names a file whose $schema is not deploymentParameters.json.",
				Subject: &hcl.Range{Filename: f, Start: hcl.InitialPos, End: hcl.InitialPos}})
		}
	}
	slices.SortFunc(templates, func(a, b templateFile) int { return strings.Compare(a.path, b.path) })
	for _, tf := range templates {
		values := map[string]cty.Value{}
		if p := parametersBeside(tf.path, parameterFiles); p != nil {
			maps.Copy(values, parameterValues(p))
		}
		for _, g := range given {
			maps.Copy(values, g)
		}
		before := len(res.Resources)
		outputs := evaluateTemplate(tf.path, tf.root, tf.cutAt, values, nil, &res)
		res.Deployments = append(res.Deployments, model.NewDeployment(tf.path, model.ARM, slices.Clone(res.Resources[before:]), outputs))
	}
	return res
}

// EvaluateModule evaluates the template at path as another language's module does (a Bicep module that
// names a compiled .json template): with the parameter values given by lower-case name, its resources
// reached through the calls in via. A file that is not a template is reported.
func EvaluateModule(path string, values map[string]cty.Value, via []hcl.Range) Result {
	res := Result{Sources: map[string][]byte{}}
	root, src, diags, kind := readJSON(path)
	res.Diagnostics = diags
	if kind != templateKind {
		if !diags.HasErrors() {
			res.Diagnostics = append(res.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Not a deployment template",
				Detail:  "This module's path names a JSON file whose $schema is not deploymentTemplate.json.",
				Subject: &hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos}})
		}
		return res
	}
	res.Sources[path] = src
	res.Files = 1
	evaluateTemplate(path, root, cutAt(diags), values, via, &res)
	return res
}

// ReadParameterFile reads a deploymentParameters.json file into its values by lower-case parameter name.
// ok is false when the file is not a parameter file.
func ReadParameterFile(path string) (values map[string]cty.Value, diags hcl.Diagnostics, ok bool) {
	root, _, diags, kind := readJSON(path)
	if kind != parametersKind {
		return nil, diags, false
	}
	return parameterValues(root), diags, true
}

// evaluateTemplate reads one template's resources into res, and returns its outputs. A bug of ours costs
// the user that template, reported, and not the rest of the scan.
func evaluateTemplate(path string, root *Node, cutAt *hcl.Pos, values map[string]cty.Value, via []hcl.Range, res *Result) (outputs []*model.Output) {
	before := len(res.Resources)
	defer func() {
		if p := recover(); p != nil {
			res.Resources, outputs = res.Resources[:before], nil
			res.Diagnostics = append(res.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Internal error",
				Detail:  fmt.Sprintf("aigate failed while evaluating this template (%v); please report it.", p),
				Subject: &hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos}})
		}
	}()
	t := newTemplate(root, res, cutAt)
	t.via = via
	t.evaluate(values)
	return t.outputs()
}

// cutAt is where the first syntax error stopped the reader, or nil.
func cutAt(diags hcl.Diagnostics) *hcl.Pos {
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil {
			return &d.Subject.Start
		}
	}
	return nil
}

type fileKind uint8

const (
	otherKind fileKind = iota
	templateKind
	parametersKind
)

// readJSON reads a file and tells by its $schema, as ARM tooling does, whether it is a template, a
// parameter file or other JSON. Only templates and parameter files report their syntax errors: a broken
// JSON file of another kind is not ours.
func readJSON(path string) (*Node, []byte, hcl.Diagnostics, fileKind) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read file", Detail: err.Error(),
			Subject: &hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos}}}, otherKind
	}
	root, diags := ParseJSON(src, path)
	schema := ""
	if s := root.Get("$schema"); s != nil && s.Kind == String {
		schema = strings.ToLower(s.Text)
	}
	switch {
	case strings.Contains(schema, "deploymenttemplate.json"):
		return root, src, diags, templateKind
	case strings.Contains(schema, "deploymentparameters.json"):
		return root, src, diags, parametersKind
	}
	return nil, nil, nil, otherKind
}

// parametersBeside finds the parameter file that goes with a template by name: main.json with
// main.parameters.json, azuredeploy.json with azuredeploy.parameters.json.
func parametersBeside(template string, parameterFiles map[string]*Node) *Node {
	base := strings.TrimSuffix(template, ".json")
	for _, candidate := range []string{base + ".parameters.json", base + ".params.json"} {
		if root, ok := parameterFiles[candidate]; ok {
			return root
		}
		if root, _, _, kind := readJSON(candidate); kind == parametersKind {
			return root
		}
	}
	return nil
}

// parameterValues reads a parameter file. A value is taken literally, as ARM does; a Key Vault reference
// is known only at deployment.
func parameterValues(root *Node) map[string]cty.Value {
	out := map[string]cty.Value{}
	params := root.Get("parameters")
	if params == nil || params.Kind != Object {
		return out
	}
	for _, m := range params.Members {
		name := strings.ToLower(m.Name)
		if v := m.Value.Get("value"); v != nil {
			out[name] = literal(v)
		} else {
			out[name] = cty.DynamicVal.Mark(model.Ref{Kind: model.DataRef, Address: "parameters('" + m.Name + "')"})
		}
	}
	return out
}

// literal converts a JSON value as it stands, with no expression evaluated.
func literal(n *Node) cty.Value {
	switch n.Kind {
	case Bool:
		return cty.BoolVal(n.Bool)
	case Number:
		if v, err := cty.ParseNumberVal(n.Text); err == nil {
			return v
		}
		return cty.UnknownVal(cty.Number)
	case String:
		return cty.StringVal(n.Text)
	case Array:
		elems := make([]cty.Value, len(n.Elems))
		for i, e := range n.Elems {
			elems[i] = literal(e)
		}
		return cty.TupleVal(elems)
	case Object:
		attrs := map[string]cty.Value{}
		for _, m := range n.Members {
			attrs[m.Name] = literal(m.Value)
		}
		return cty.ObjectVal(attrs)
	}
	return cty.NullVal(cty.DynamicPseudoType)
}
