package scan

import (
	"context"
	"time"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/terraform"
)

// Run scans. The error is for problems with the request itself, such as a path that does not exist; a
// file that fails to parse is a diagnostic, and the rest is scanned.
func Run(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	in, err := discover(opts.Paths, opts.Exclude)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tf := terraform.Load(in.terraformDirs, terraform.Options{Inputs: opts.TerraformInputs})
	resources := tf.Resources
	rules := opts.Rules
	if rules == nil {
		rules = checks.All()
	}
	return &Result{
		Findings:    dedupe(checks.Run(rules, resources)),
		Diagnostics: tf.Diagnostics,
		Sources:     tf.Sources,
		Files:       tf.Files,
		Resources:   len(resources),
		Elapsed:     time.Since(start),
	}, nil
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
