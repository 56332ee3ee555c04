// Package scan is the pipeline: it finds the files, hands them to the front ends, links the resources
// and runs the checks.
package scan

import (
	"time"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/config"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/terraform"
	"github.com/hashicorp/hcl/v2"
)

// Options says what to scan and with which inputs.
type Options struct {
	// Paths are files or folders; none means the working directory.
	Paths []string
	// Exclude holds glob patterns of paths not to scan.
	Exclude []string
	// TerraformInputs are the -var-file and -var arguments, in command-line order.
	TerraformInputs []terraform.Input
	// ParamFiles are parameter files. A JSON one applies to every ARM template and root Bicep file after
	// the one found beside it; a .bicepparam one to the Bicep file it names with `using`.
	ParamFiles []string
	// Catalog holds every rule the scan knows, for the rules to run and for the ignores and settings that
	// name them; nil is checks.Builtin().
	Catalog *checks.Catalog
	// Rules to run, out of the catalog; nil runs every rule of the catalog.
	Rules []*checks.Rule
	// Config is the .aigate.yml in effect (config.Find, config.Load); the zero value is none. Its
	// exclude_paths add to Exclude; its rules and ignore entries apply to the findings, as the ignores
	// written in the scanned files always do. Its severity and unknown are the command line's to apply.
	Config config.Config
	// Baseline holds the findings known already (config.ReadBaseline); they are left out and counted.
	// Nil is none.
	Baseline *config.Baseline
}

// Result is what a scan found.
type Result struct {
	// Findings are sorted by file, line, column and rule.
	Findings []model.Finding
	// Diagnostics are parse errors (each with file:line) and warnings such as skipped remote modules.
	Diagnostics hcl.Diagnostics
	// Sources holds the text of the files read, by the name findings use, for writers that quote lines.
	// Files that carry secrets (Terraform variable files) are not in it.
	Sources map[string][]byte
	// Suppressed are the findings that an ignore (in a scanned file or in the config) left out.
	Suppressed []SuppressedFinding
	// Baselined counts the findings left out because the baseline holds them.
	Baselined int
	// Notices are about the ignores themselves: malformed, naming no rule, expired or suppressing
	// nothing. Each is an hcl.DiagWarning at the ignore (file:line), to be shown at notice level; they
	// never change the exit status.
	Notices hcl.Diagnostics
	// Judged lists the resources each rule judged (rules the config disables left out), for reports that
	// count what passed.
	Judged []checks.Judged
	// Files and Resources count what was read.
	Files     int
	Resources int
	Elapsed   time.Duration
}
