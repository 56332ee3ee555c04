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

// Model is what the front ends read, before any rule runs: the deployments, with what went wrong and the
// text of the files read. The inventory and other consumers of the model start from it.
type Model struct {
	Deployments []*model.Deployment
	// Diagnostics are parse errors (each with file:line) and warnings such as skipped remote modules.
	Diagnostics hcl.Diagnostics
	// Sources holds the text of the files read, by the name findings use; see Result.Sources.
	Sources map[string][]byte
	// Files counts what was read.
	Files int
}

// Resources counts the resources of every deployment.
func (m *Model) Resources() int {
	n := 0
	for _, d := range m.Deployments {
		n += len(d.Resources)
	}
	return n
}

// Load finds the files and reads them into deployments. The error is for problems with the request
// itself, such as a path that does not exist; a file that fails to parse is a diagnostic, and the rest
// is read.
func Load(ctx context.Context, opts Options) (*Model, error) {
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
	sources := tf.Sources
	maps.Copy(sources, templates.Sources)
	maps.Copy(sources, bicepFiles.Sources)
	return &Model{
		Deployments: slices.Concat(tf.Deployments, templates.Deployments, bicepFiles.Deployments),
		Diagnostics: dedupeDiagnostics(slices.Concat(tf.Diagnostics, templates.Diagnostics, bicepFiles.Diagnostics)),
		Sources:     sources,
		Files:       tf.Files + templates.Files + bicepFiles.Files,
	}, nil
}

// Run scans: Load, then the rules over each deployment on its own, then what the user said about the
// findings (config, ignores, baseline).
func Run(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	m, err := Load(ctx, opts)
	if err != nil {
		return nil, err
	}
	catalog := opts.Catalog
	if catalog == nil {
		catalog = checks.Builtin()
	}
	rules := opts.Rules
	if rules == nil {
		rules = catalog.Rules()
	}
	settings := checks.Settings{}
	for _, am := range opts.Config.ApprovedModels {
		settings.ApprovedModels = append(settings.ApprovedModels, checks.ApprovedModel{Format: am.Format, Name: am.Name, Version: am.Version, Range: am.Range})
	}
	res := &Result{Diagnostics: m.Diagnostics, Sources: m.Sources, Files: m.Files, Resources: m.Resources()}
	var judged []checks.Judged
	for _, d := range m.Deployments {
		out := checks.Run(rules, d, settings)
		res.Findings = append(res.Findings, out.Findings...)
		judged = append(judged, out.Judged...)
		for _, e := range out.Errors {
			res.Diagnostics = append(res.Diagnostics, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Rule failed",
				Detail: e.Error(), Subject: &hcl.Range{Filename: d.Name, Start: hcl.InitialPos, End: hcl.InitialPos}})
		}
	}
	for i, f := range res.Findings {
		res.Findings[i] = inEditableFile(f)
	}
	model.SortFindings(res.Findings)
	res.Findings = dedupe(res.Findings)
	applyConfig(res, opts, catalog, rules, time.Now())
	for _, j := range judged {
		if !opts.Config.Rules[j.RuleID].Disabled {
			res.Judged = append(res.Judged, j)
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
