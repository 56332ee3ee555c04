// Package bicep is the native Bicep front end: it reads .bicep and .bicepparam files with its own parser
// (package syntax), evaluates parameters, variables, functions, loops, conditions, child resources and
// local modules, and produces ARM-shaped resources whose every property points into the .bicep line the
// user edits. Nothing is compiled and nothing is downloaded: registry modules are reported as skipped.
package bicep

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/arm"
	"github.com/aigate-dev/aigate/parser/bicep/syntax"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Options are the inputs of the Bicep files.
type Options struct {
	// ParamFiles are parameter files given on the command line. A .bicepparam file applies to the file it
	// names with `using`; a JSON parameter file applies to every root file that declares the parameters it
	// names, after the values found beside the file.
	ParamFiles []string
}

// Result is what the front end read.
type Result struct {
	// Deployments are one per evaluation of a root file (once per .bicepparam file that uses it), with
	// the resources of the modules it calls: what the rules judge.
	Deployments []*model.Deployment
	// Resources are every declaration read, in order, before a deployment merges re-declarations.
	Resources   []*model.Resource
	Diagnostics hcl.Diagnostics
	// Sources holds the text of the .bicep files and compiled module templates read, by file name.
	// Parameter files are left out: they are where secrets are passed in.
	Sources map[string][]byte
	// Files counts the files read.
	Files int
	// ModuleTemplates are the ARM templates that Bicep modules call; like a module .bicep file, such a
	// template is deployed through its callers and should not be evaluated again on its own.
	ModuleTemplates []string
}

// IsSource reports whether the Bicep front end reads the file.
func IsSource(path string) bool {
	return strings.HasSuffix(path, ".bicep") || strings.HasSuffix(path, ".bicepparam")
}

// Load evaluates .bicep and .bicepparam files. A .bicep file that another one uses as a module is
// evaluated through its callers, with the parameters they pass; every other .bicep file is a root,
// evaluated once for each .bicepparam file that uses it, or else once with the values of a JSON parameter
// file beside it (main.parameters.json) and its parameters' defaults.
func Load(files []string, opts Options) Result {
	l := newLoader()
	var bicepFiles, paramFiles []string
	for _, f := range files {
		switch {
		case strings.HasSuffix(f, ".bicepparam"):
			paramFiles = append(paramFiles, f)
		case strings.HasSuffix(f, ".bicep"):
			bicepFiles = append(bicepFiles, f)
		}
	}
	var given []map[string]cty.Value
	for _, f := range opts.ParamFiles {
		if strings.HasSuffix(f, ".bicepparam") {
			paramFiles = append(paramFiles, f)
			continue
		}
		values, diags, ok := arm.ReadParameterFile(f)
		l.out.Diagnostics = append(l.out.Diagnostics, diags...)
		if ok {
			given = append(given, deploymentValues(values))
		}
	}
	parsed := map[string]*parsedFile{}
	for _, f := range bicepFiles {
		if pf := l.parse(f); pf != nil {
			parsed[pf.path] = pf
		}
	}
	evaluate := func(path string, values map[string]cty.Value) {
		for _, g := range given {
			maps.Copy(values, g)
		}
		l.evaluateRoot(path, values)
	}
	withParams := map[string]bool{}
	for _, f := range paramFiles {
		if target, values, ok := l.paramFile(f); ok {
			withParams[target] = true
			evaluate(target, values)
		}
	}
	for _, root := range roots(parsed) {
		if !withParams[root] {
			evaluate(root, besideValues(root))
		}
	}
	return *l.out
}

// roots are the files no other file uses as a module, and the files of module cycles that nothing
// outside the cycle calls, in order.
func roots(parsed map[string]*parsedFile) []string {
	calls := map[string][]string{}
	called := map[string]bool{}
	for path, pf := range parsed {
		for _, d := range pf.file.Decls {
			if m, ok := d.(*syntax.Module); ok {
				if target, local := localModulePath(path, m); local && target != path {
					calls[path] = append(calls[path], target)
					called[target] = true
				}
			}
		}
	}
	paths := slices.Sorted(maps.Keys(parsed))
	var out []string
	reached := map[string]bool{}
	var reach func(string)
	reach = func(p string) {
		if reached[p] {
			return
		}
		reached[p] = true
		for _, c := range calls[p] {
			reach(c)
		}
	}
	for _, p := range paths {
		if !called[p] {
			out = append(out, p)
			reach(p)
		}
	}
	for _, p := range paths {
		if !reached[p] {
			out = append(out, p)
			reach(p)
		}
	}
	return out
}

// besideValues reads the JSON parameter file that goes with a Bicep file by name, as azd and the
// quickstarts keep it: main.parameters.json beside main.bicep.
func besideValues(path string) map[string]cty.Value {
	base := strings.TrimSuffix(path, ".bicep")
	for _, candidate := range []string{base + ".parameters.json", base + ".params.json"} {
		if _, err := os.Stat(candidate); err != nil {
			continue
		}
		values, _, ok := arm.ReadParameterFile(candidate)
		if ok {
			return deploymentValues(values)
		}
	}
	return map[string]cty.Value{}
}

// deploymentValues takes the values of a JSON parameter file. A string holding ${NAME} is filled in from
// the environment by azd when it deploys, so it is unknown here.
func deploymentValues(values map[string]cty.Value) map[string]cty.Value {
	for name, v := range values {
		if v.IsKnown() && v.Type() == cty.String && strings.Contains(v.AsString(), "${") {
			values[name] = cty.UnknownVal(cty.String).Mark(model.Ref{Kind: model.InputRef, Address: v.AsString()})
		}
	}
	return values
}

// evaluateRoot evaluates a root file with the parameter values given by lower-case name. A bug of ours
// costs the user that file, reported, and not the rest of the scan.
func (l *loader) evaluateRoot(path string, values map[string]cty.Value) {
	pf := l.parse(path)
	if pf == nil {
		return
	}
	before := len(l.out.Resources)
	l.moduleResources = map[string][]string{}
	defer func() {
		if p := recover(); p != nil {
			l.out.Resources = l.out.Resources[:before]
			l.out.Diagnostics = append(l.out.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Internal error",
				Detail:  fmt.Sprintf("aigate failed while evaluating this file (%v); please report it.", p),
				Subject: &hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos}})
		}
	}()
	e := l.newFileEval(pf, values, nil, "", []string{pf.path})
	e.emit()
	outputs := e.deploymentOutputs()
	resources := slices.Clone(l.out.Resources[before:])
	l.dependOnModules(resources)
	l.out.Deployments = append(l.out.Deployments, model.NewDeployment(path, model.Bicep, resources, outputs))
}
