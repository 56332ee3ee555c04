package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/config"
	"github.com/aigate-dev/aigate/internal/repo"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/terraform"
	"github.com/aigate-dev/aigate/report"
	"github.com/aigate-dev/aigate/sarif"
	"github.com/aigate-dev/aigate/scan"
	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// formats are the values of --format.
var formats = []string{"text", "compact", "json", "sarif", "github", "junit"}

type scanFlags struct {
	format         string
	output         string
	severity       string
	softFail       bool
	unknown        string
	inputs         []terraform.Input
	paramFiles     []string
	exclude        []string
	includeRules   []string
	excludeRules   []string
	config         string
	baseline       string
	createBaseline string
}

// scanSettings are the flags checked and resolved.
type scanSettings struct {
	// format is one of formats, the default resolved.
	format    string
	color     bool
	threshold model.Severity
	unknown   report.UnknownMode
	// catalog is every rule the scan knows; rules are those to run, nil for all.
	catalog *checks.Catalog
	rules   []*checks.Rule
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
			wd, err := os.Getwd()
			if err != nil {
				return fmt.Errorf("working directory: %w", err)
			}
			root := repo.Root(wd)
			cfg, base, diags := f.userFiles(paths, wd, root)
			if diags.HasErrors() {
				// The config and the baseline say what counts; a scan without them would say otherwise.
				return errors.Join(report.Compact(stderr, report.Report{Diagnostics: diags, Root: root, WorkDir: wd}), exitStatus(exitError))
			}
			settings, err := f.resolve(stdout, cmd.Flags(), cfg)
			if err != nil {
				return err
			}
			res, err := scanner(cmd.Context(), scan.Options{
				Paths:           paths,
				Exclude:         f.exclude,
				TerraformInputs: f.inputs,
				ParamFiles:      f.paramFiles,
				Catalog:         settings.catalog,
				Rules:           settings.rules,
				Config:          cfg,
				Baseline:        base,
			})
			if err != nil {
				return fmt.Errorf("scan: %w", err)
			}
			if err := f.writeBaseline(res, root); err != nil {
				return err
			}
			if err := f.write(res, settings, root, wd, stdout, stderr); err != nil {
				return err
			}
			return exitStatus(verdict(res, settings.threshold, settings.unknown, f.softFail))
		},
	}
	flags := cmd.Flags()
	flags.StringVar(&f.format, "format", "", "output format: text, compact, json, sarif, github or junit (default text on a terminal, compact otherwise)")
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
	flags.StringVar(&f.config, "config", "", "read settings from `FILE` (default: .aigate.yml in the scanned folder, else in the working directory)")
	flags.StringVar(&f.baseline, "baseline", "", "report only findings not in the baseline `FILE`")
	flags.StringVar(&f.createBaseline, "create-baseline", "", "write the findings to the baseline `FILE`, for --baseline to leave out later")
	return cmd
}

// userFiles reads the config (--config, or the .aigate.yml found) and the baseline.
func (f *scanFlags) userFiles(paths []string, wd, root string) (config.Config, *config.Baseline, hcl.Diagnostics) {
	var cfg config.Config
	var diags hcl.Diagnostics
	path := f.config
	if path == "" {
		path = config.Find(paths, wd)
	}
	if path != "" {
		cfg, diags = config.Load(path)
	}
	if f.baseline == "" {
		return cfg, nil, diags
	}
	base, more := config.ReadBaseline(f.baseline, root)
	return cfg, base, append(diags, more...)
}

// writeBaseline writes --create-baseline: the findings this scan reports.
func (f *scanFlags) writeBaseline(res *scan.Result, root string) error {
	if f.createBaseline == "" {
		return nil
	}
	out, err := os.Create(f.createBaseline)
	if err != nil {
		return fmt.Errorf("--create-baseline: %w", err)
	}
	if err := errors.Join(config.WriteBaseline(out, root, res.Findings), out.Close()); err != nil {
		return fmt.Errorf("--create-baseline: %w", err)
	}
	return nil
}

// resolve checks the flags; the config's severity and unknown apply where the flags are not given.
func (f *scanFlags) resolve(stdout io.Writer, given *pflag.FlagSet, cfg config.Config) (scanSettings, error) {
	var s scanSettings
	toTerminal := f.output == "" && isTerminal(stdout)
	switch {
	case f.format == "" && toTerminal:
		s.format = "text"
	case f.format == "":
		s.format = "compact"
	case slices.Contains(formats, strings.ToLower(f.format)):
		s.format = strings.ToLower(f.format)
	default:
		return s, usagef("unknown --format %q: want text, compact, json, sarif, github or junit", f.format)
	}
	s.color = s.format == "text" && toTerminal && os.Getenv("NO_COLOR") == ""

	var err error
	if s.threshold, err = model.ParseSeverity(f.severity); err != nil {
		return s, usageError{fmt.Errorf("--severity: %w", err)}
	}
	if !given.Changed("severity") && cfg.Severity != 0 {
		s.threshold = cfg.Severity
	}
	unknown := f.unknown
	if !given.Changed("unknown") && cfg.Unknown != "" {
		unknown = cfg.Unknown
	}
	if s.unknown, err = report.ParseUnknownMode(unknown); err != nil {
		return s, usageError{fmt.Errorf("--unknown: %w", err)}
	}
	s.catalog = checks.Builtin()
	s.rules, err = selectRules(s.catalog, f.includeRules, f.excludeRules)
	return s, err
}

// write prints the report where --output says. Parse errors also go to stderr when the report goes to a
// file, or to stdout in a format for programs: the exit status alone would not tell the user what broke.
func (f *scanFlags) write(res *scan.Result, s scanSettings, root, wd string, stdout, stderr io.Writer) error {
	rep := report.Report{
		Findings:    res.Findings,
		Diagnostics: res.Diagnostics,
		Notices:     res.Notices,
		Suppressed:  len(res.Suppressed),
		Baselined:   res.Baselined,
		Judged:      res.Judged,
		Sources:     res.Sources,
		Files:       res.Files,
		Resources:   res.Resources,
		Elapsed:     res.Elapsed,
		Unknown:     s.unknown,
		Catalog:     s.catalog,
		Rules:       s.rules,
		Root:        root,
		WorkDir:     wd,
	}
	write := s.writer(stderr)
	if f.output == "" {
		if err := write(stdout, rep); err != nil {
			return err
		}
		if !s.forPrograms() {
			return nil
		}
	} else {
		out, err := os.Create(f.output)
		if err != nil {
			return fmt.Errorf("--output: %w", err)
		}
		if err := errors.Join(write(out, rep), out.Close()); err != nil {
			return fmt.Errorf("--output: %w", err)
		}
	}
	var parseErrors hcl.Diagnostics
	for _, d := range res.Diagnostics {
		if d.Severity == hcl.DiagError {
			parseErrors = append(parseErrors, d)
		}
	}
	return report.Compact(stderr, report.Report{Diagnostics: parseErrors, Root: rep.Root, WorkDir: rep.WorkDir})
}

// forPrograms reports whether the format is a document for programs (json, sarif, junit), which a person
// reading the log would not look into.
func (s scanSettings) forPrograms() bool {
	return s.format == "json" || s.format == "sarif" || s.format == "junit"
}

// writer returns what writes the chosen format.
func (s scanSettings) writer(stderr io.Writer) func(io.Writer, report.Report) error {
	switch s.format {
	case "text":
		return func(w io.Writer, r report.Report) error { return report.Text(w, r, s.color) }
	case "json":
		return report.JSON
	case "github":
		return report.GitHub
	case "junit":
		return report.JUnit
	case "sarif":
		return func(w io.Writer, r report.Report) error {
			omitted, err := sarif.Write(w, r, version())
			if omitted > 0 {
				// The SARIF log records it too, but people read the CI log, not the file it uploads.
				fmt.Fprintf(stderr, "aigate: warning: the SARIF log leaves out the %d least severe of %d findings: GitHub code scanning accepts at most %d results per run\n",
					omitted, omitted+sarif.MaxResults, sarif.MaxResults)
			}
			return err
		}
	}
	return report.Compact
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
func selectRules(catalog *checks.Catalog, include, exclude []string) ([]*checks.Rule, error) {
	if len(include) == 0 && len(exclude) == 0 {
		return nil, nil
	}
	included, err := lookupRules(catalog, "--include-rules", include)
	if err != nil {
		return nil, err
	}
	excluded, err := lookupRules(catalog, "--exclude-rules", exclude)
	if err != nil {
		return nil, err
	}
	var rules []*checks.Rule
	for _, r := range catalog.Rules() {
		if (len(included) == 0 || included[r]) && !excluded[r] {
			rules = append(rules, r)
		}
	}
	if len(rules) == 0 {
		return nil, usagef("--include-rules and --exclude-rules leave no rule to run")
	}
	return rules, nil
}

func lookupRules(catalog *checks.Catalog, flag string, ids []string) (map[*checks.Rule]bool, error) {
	rules := map[*checks.Rule]bool{}
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		r, ok := catalog.Lookup(id)
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
