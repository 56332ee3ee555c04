package scan

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/arm"
	"github.com/aigate-dev/aigate/parser/bicep"
	"github.com/aigate-dev/aigate/parser/terraform"
	"github.com/hashicorp/hcl/v2"
)

// Run scans. The error is for problems with the request itself, such as a path that does not exist; a
// file that fails to parse is a diagnostic, and the rest is scanned.
func Run(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	in, err := discover(opts.Paths, slices.Concat(opts.Exclude, opts.Config.ExcludePaths))
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tf := terraform.Load(in.terraformDirs, terraform.Options{Inputs: opts.TerraformInputs})
	var jsonParams, bicepParams []string
	for _, f := range opts.ParamFiles {
		if strings.HasSuffix(f, ".bicepparam") {
			bicepParams = append(bicepParams, f)
		} else {
			jsonParams = append(jsonParams, f)
			bicepParams = append(bicepParams, f)
		}
	}
	bicepFiles := bicep.Load(in.bicepFiles, bicep.Options{ParamFiles: bicepParams})
	// A template a Bicep module calls is deployed through that call, with the parameters it passes.
	jsonFiles := slices.DeleteFunc(in.jsonFiles, func(f string) bool {
		return slices.Contains(bicepFiles.ModuleTemplates, filepath.Clean(f))
	})
	templates := arm.Load(jsonFiles, arm.Options{ParamFiles: jsonParams})
	resources := slices.Concat(tf.Resources, templates.Resources, bicepFiles.Resources)
	sources := tf.Sources
	maps.Copy(sources, templates.Sources)
	maps.Copy(sources, bicepFiles.Sources)
	rules := opts.Rules
	if rules == nil {
		rules = checks.All()
	}
	findings, checked := checks.Run(rules, resources)
	for i, f := range findings {
		findings[i] = inEditableFile(f)
	}
	model.SortFindings(findings)
	res := &Result{
		Findings:    dedupe(findings),
		Diagnostics: dedupeDiagnostics(slices.Concat(tf.Diagnostics, templates.Diagnostics, bicepFiles.Diagnostics)),
		Sources:     sources,
		Files:       tf.Files + templates.Files + bicepFiles.Files,
		Resources:   len(resources),
	}
	applyConfig(res, opts, rules, time.Now())
	for _, c := range checked {
		if !opts.Config.Rules[c.RuleID].Disabled {
			res.Checked = append(res.Checked, c)
		}
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// dedupeDiagnostics drops repeats: a module evaluated once per call, an expression once per copy, say
// the same thing at the same place.
func dedupeDiagnostics(diags hcl.Diagnostics) hcl.Diagnostics {
	seen := map[string]bool{}
	var out hcl.Diagnostics
	for _, d := range diags {
		key := d.Summary + "\x00" + d.Detail
		if d.Subject != nil {
			key += "\x00" + d.Subject.String()
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}

// dedupe drops findings that say the same thing at the same place: a module called several times with
// the same inputs yields the same finding once per call.
func dedupe(sorted []model.Finding) []model.Finding {
	type key struct {
		rule, message string
		line, column  int
		file          string
	}
	seen := map[key]bool{}
	out := sorted[:0]
	for _, f := range sorted {
		k := key{f.RuleID, f.Message, f.Range.Start.Line, f.Range.Start.Column, f.Range.Filename}
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

// inEditableFile moves a finding that lies in a module terraform init downloaded (under .terraform) to
// the module call in the user's own code that leads there: the user cannot edit the downloaded copy, and
// code scanning rejects locations outside the checkout. The message keeps the place in the module.
func inEditableFile(f model.Finding) model.Finding {
	if !underTerraformDir(f.Range.Filename) {
		return f
	}
	for i := len(f.Via) - 1; i >= 0; i-- {
		if call := f.Via[i]; !underTerraformDir(call.Filename) {
			f.Message = fmt.Sprintf("%s (in the downloaded module, at %s:%d)", f.Message, filepath.ToSlash(f.Range.Filename), f.Range.Start.Line)
			f.Range = call
			return f
		}
	}
	return f
}

func underTerraformDir(path string) bool {
	return slices.Contains(strings.Split(filepath.ToSlash(path), "/"), ".terraform")
}
