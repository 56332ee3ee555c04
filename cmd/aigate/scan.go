package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/terraform"
	"github.com/aigate-dev/aigate/report"
	"github.com/aigate-dev/aigate/scan"
	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"
)

// laterFormats are specified but not written yet; asking for one is a usage error rather than a silent
// fallback, so CI configurations fail loudly instead of uploading nothing.
var laterFormats = []string{"json", "sarif", "github", "junit"}

type scanFlags struct {
	format       string
	output       string
	severity     string
	softFail     bool
	unknown      string
	inputs       []terraform.Input
	paramFiles   []string
	exclude      []string
	includeRules []string
	excludeRules []string
}

// scanSettings are the flags checked and resolved.
type scanSettings struct {
	text      bool
	color     bool
	threshold model.Severity
	unknown   report.UnknownMode
	rules     []*checks.Rule
}

func newScanCommand(scanner scanFunc, stdout, stderr io.Writer) *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Scan files and folders (the default command)",
		Long: "Scan Terraform, Bicep and ARM files, or the folders that hold them; PATH defaults to \".\".\n\n" +
			"Exit status: 0 when nothing at or above --severity is found, 1 when something is, 2 for usage\n" +
			"errors and files that cannot be parsed (the rest is still scanned and reported).",
		RunE: func(cmd *cobra.Command, paths []string) error {
			settings, err := f.resolve(stdout)
			if err != nil {
				return err
			}
			res, err := scanner(cmd.Context(), scan.Options{
				Paths:           paths,
				Exclude:         f.exclude,
				TerraformInputs: f.inputs,
				ParamFiles:      f.paramFiles,
				Rules:           settings.rules,
			})
			if err != nil {
				return fmt.Errorf("scan: %w", err)
			}
			if err := f.write(res, settings, stdout, stderr); err != nil {
				return err
			}
			return exitStatus(verdict(res, settings.threshold, settings.unknown, f.softFail))
		},
	}
	flags := cmd.Flags()
	flags.StringVar(&f.format, "format", "", "output format: text or compact (default text on a terminal, compact otherwise)")
	flags.StringVar(&f.output, "output", "", "write the report to `FILE` instead of standard output")
	flags.StringVar(&f.severity, "severity", "low", "lowest severity that fails the run: low, medium, high or critical")
	flags.BoolVar(&f.softFail, "soft-fail", false, "findings never fail the run; errors still do")
	flags.StringVar(&f.unknown, "unknown", "warn", "what a finding on a value unknown until deployment does: ignore, warn or fail")
	flags.Var(inputFlag{&f.inputs, true}, "var-file", "Terraform variables `FILE` (repeatable; applied with --var in command-line order)")
	flags.Var(inputFlag{&f.inputs, false}, "var", "Terraform variable as `NAME=VALUE` (repeatable)")
	flags.StringArrayVar(&f.paramFiles, "param-file", nil, "parameters `FILE`: JSON for ARM and Bicep, or .bicepparam (repeatable; X.parameters.json beside X.json or X.bicep, and .bicepparam files that use a scanned file, are read anyway)")
	flags.StringArrayVar(&f.exclude, "exclude", nil, "skip paths matching `GLOB` (repeatable)")
	flags.StringSliceVar(&f.includeRules, "include-rules", nil, "run only these rules (comma-separated `IDs`)")
	flags.StringSliceVar(&f.excludeRules, "exclude-rules", nil, "do not run these rules (comma-separated `IDs`)")
	return cmd
}

func (f *scanFlags) resolve(stdout io.Writer) (scanSettings, error) {
	var s scanSettings
	toTerminal := f.output == "" && isTerminal(stdout)
	switch {
	case f.format == "":
		s.text = toTerminal
	case f.format == "text":
		s.text = true
	case f.format == "compact":
	case slices.Contains(laterFormats, f.format):
		return s, usagef("--format %s is not available yet: use text or compact", f.format)
	default:
		return s, usagef("unknown --format %q: want text or compact", f.format)
	}
	s.color = s.text && toTerminal && os.Getenv("NO_COLOR") == ""

	var err error
	if s.threshold, err = model.ParseSeverity(f.severity); err != nil {
		return s, usageError{fmt.Errorf("--severity: %w", err)}
	}
	if s.unknown, err = report.ParseUnknownMode(f.unknown); err != nil {
		return s, usageError{fmt.Errorf("--unknown: %w", err)}
	}
	s.rules, err = selectRules(f.includeRules, f.excludeRules)
	return s, err
}

// write prints the report where --output says. When that is a file, parse errors also go to stderr: the
// exit status alone would not tell the user what broke.
func (f *scanFlags) write(res *scan.Result, s scanSettings, stdout, stderr io.Writer) error {
	root, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("working directory: %w", err)
	}
	rep := report.Report{
		Findings:    res.Findings,
		Diagnostics: res.Diagnostics,
		Sources:     res.Sources,
		Files:       res.Files,
		Resources:   res.Resources,
		Elapsed:     res.Elapsed,
		Unknown:     s.unknown,
	}
	write := func(w io.Writer) error {
		if s.text {
			return report.Text(w, rep, root, s.color)
		}
		return report.Compact(w, rep, root)
	}
	if f.output == "" {
		return write(stdout)
	}
	out, err := os.Create(f.output)
	if err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	if err := errors.Join(write(out), out.Close()); err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	var parseErrors hcl.Diagnostics
	for _, d := range res.Diagnostics {
		if d.Severity == hcl.DiagError {
			parseErrors = append(parseErrors, d)
		}
	}
	return report.Compact(stderr, report.Report{Diagnostics: parseErrors}, root)
}

// verdict is the exit status once everything is printed. Errors win over findings: a file that did not
// parse may hide findings, so a clean-looking result must not pass.
func verdict(res *scan.Result, threshold model.Severity, unknown report.UnknownMode, softFail bool) int {
	if res.Diagnostics.HasErrors() {
		return exitError
	}
	if softFail {
		return exitClean
	}
	for _, f := range res.Findings {
		counts := f.Confidence != model.Uncertain || unknown == report.UnknownFail
		if counts && f.Severity >= threshold {
			return exitFindings
		}
	}
	return exitClean
}

// selectRules resolves --include-rules and --exclude-rules; nil means every rule.
func selectRules(include, exclude []string) ([]*checks.Rule, error) {
	if len(include) == 0 && len(exclude) == 0 {
		return nil, nil
	}
	included, err := lookupRules("--include-rules", include)
	if err != nil {
		return nil, err
	}
	excluded, err := lookupRules("--exclude-rules", exclude)
	if err != nil {
		return nil, err
	}
	var rules []*checks.Rule
	for _, r := range checks.All() {
		if (len(included) == 0 || included[r]) && !excluded[r] {
			rules = append(rules, r)
		}
	}
	if len(rules) == 0 {
		return nil, usagef("--include-rules and --exclude-rules leave no rule to run")
	}
	return rules, nil
}

func lookupRules(flag string, ids []string) (map[*checks.Rule]bool, error) {
	rules := map[*checks.Rule]bool{}
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		r, ok := checks.Lookup(id)
		if !ok {
			return nil, usagef("%s: unknown rule %q (aigate rules lists them)", flag, id)
		}
		rules[r] = true
	}
	return rules, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// inputFlag collects --var-file and --var into one list: Terraform applies them in the order given, a
// later one winning, so two separate lists would lose what the user meant.
type inputFlag struct {
	inputs *[]terraform.Input
	file   bool
}

func (f inputFlag) Set(value string) error {
	if f.file {
		*f.inputs = append(*f.inputs, terraform.Input{File: value})
		return nil
	}
	if name, _, ok := strings.Cut(value, "="); !ok || strings.TrimSpace(name) == "" {
		return errors.New("want NAME=VALUE")
	}
	*f.inputs = append(*f.inputs, terraform.Input{Var: value})
	return nil
}

func (f inputFlag) String() string { return "" }

func (f inputFlag) Type() string {
	if f.file {
		return "FILE"
	}
	return "NAME=VALUE"
}
