// Package sarif writes a report as SARIF 2.1.0 for GitHub code scanning, through go-sarif. It writes
// what GitHub reads (see integrations.md): the whole rule catalog with help, and results with
// repository-relative locations and a fingerprint of our own.
package sarif

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/report"
	"github.com/hashicorp/hcl/v2"
	gosarif "github.com/owenrumney/go-sarif/v2/sarif"
)

const (
	// MaxResults is how many results GitHub code scanning accepts in one run; it rejects a file with more.
	MaxResults = 25000

	toolName       = "aigate"
	informationURI = "https://github.com/aigate-dev/aigate"
	// fingerprintKey names our own partial fingerprint. GitHub computes primaryLocationLineHash itself and
	// ignores other keys, but they let other consumers follow an alert across line moves.
	fingerprintKey = "aigate/v1"
	// srcRoot is the base every location is relative to. GitHub does not resolve it (the URI alone must
	// be repository-relative), but SARIF viewers in editors do.
	srcRoot = "%SRCROOT%"
)

// Write writes r as a SARIF log with one run of aigate at version. The run lists every rule of the
// catalog, whichever ran, so that rule indexes and help are the same on every run. It returns how many
// findings it left out to stay within GitHub's limit of MaxResults; the least severe go first, and a
// warning in the log says so.
func Write(w io.Writer, r report.Report, version string) (omitted int, err error) {
	log, omitted, err := build(r, version, MaxResults)
	if err != nil {
		return 0, err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Help and messages quote code such as `a < b` and Markdown links such as <https://...>; escaping them
	// for HTML would only make the log harder to read.
	enc.SetEscapeHTML(false)
	return omitted, enc.Encode(log)
}

func build(r report.Report, version string, limit int) (*gosarif.Report, int, error) {
	log, err := gosarif.New(gosarif.Version210)
	if err != nil {
		return nil, 0, err
	}
	run := gosarif.NewRunWithInformationURI(toolName, informationURI)
	run.Tool.Driver.WithVersion(version)
	// Columns count Unicode characters, as every front end's positions do.
	run.WithColumnKind("unicodeCodePoints")
	ruleIndex := map[string]int{}
	for i, rule := range r.KnownRules() {
		run.Tool.Driver.AddRule(descriptor(rule))
		ruleIndex[rule.ID] = i
	}
	findings, omitted := mostSevere(r.Shown(), limit)
	for _, f := range findings {
		// Appended rather than added with run.AddResult, which would set a ruleIndex of -1, out of range
		// for the schema, for a rule the catalog does not know.
		run.Results = append(run.Results, result(r, f, ruleIndex))
	}

	invocation := gosarif.NewInvocation().WithExecutionSuccess(!r.Diagnostics.HasErrors())
	for _, d := range r.SortedDiagnostics() {
		invocation.AddTToolExecutionNotification(notification(r, d, diagnosticLevel(d)))
	}
	for _, d := range r.SortedNotices() {
		invocation.AddTToolExecutionNotification(notification(r, d, "note"))
	}
	if omitted > 0 {
		invocation.AddTToolExecutionNotification(gosarif.NewNotification().WithLevel("warning").WithTextMessage(fmt.Sprintf(
			"This log leaves out the %d least severe of %d findings: GitHub code scanning accepts at most %d results per run.",
			omitted, omitted+limit, limit)))
	}
	run.AddInvocations(invocation)
	log.AddRun(run)
	return log, omitted, nil
}

// mostSevere keeps the limit most severe findings, certain before uncertain, in their order, and says how
// many it dropped. GitHub itself keeps the most severe when it truncates what it shows.
func mostSevere(findings []model.Finding, limit int) ([]model.Finding, int) {
	if len(findings) <= limit {
		return findings, 0
	}
	ranked := make([]int, len(findings))
	for i := range ranked {
		ranked[i] = i
	}
	slices.SortStableFunc(ranked, func(a, b int) int {
		fa, fb := findings[a], findings[b]
		return cmp.Or(cmp.Compare(fb.Severity, fa.Severity), cmp.Compare(fa.Confidence, fb.Confidence))
	})
	keep := make([]bool, len(findings))
	for _, i := range ranked[:limit] {
		keep[i] = true
	}
	kept := make([]model.Finding, 0, limit)
	for i, f := range findings {
		if keep[i] {
			kept = append(kept, f)
		}
	}
	return kept, len(findings) - limit
}

func descriptor(rule *checks.Rule) *gosarif.ReportingDescriptor {
	tags := []string{"security", "azure"}
	if c := Category(rule.ID); c != "" {
		tags = append(tags, c)
	}
	return gosarif.NewRule(rule.ID).
		WithName(rule.Name).
		WithShortDescription(gosarif.NewMultiformatMessageString(rule.Title)).
		WithFullDescription(gosarif.NewMultiformatMessageString(rule.Description)).
		// GitHub shows help.markdown, but requires help.text.
		WithHelp(gosarif.NewMultiformatMessageString(HelpText(rule)).WithMarkdown(HelpMarkdown(rule))).
		WithHelpURI(HelpURI(rule.ID)).
		WithDefaultConfiguration(gosarif.NewReportingConfiguration().WithLevel(level(rule.Severity))).
		WithProperties(gosarif.Properties{
			"tags": tags,
			// A finding of unknown confidence is reported too, but says so in its message and properties;
			// the rules themselves do not guess.
			"precision":         "high",
			"security-severity": securitySeverity(rule.Severity),
		})
}

// level maps a severity to a SARIF level: the word compact output uses, where SARIF calls a notice a note.
func level(s model.Severity) string {
	if word := report.SeverityWord(s); word != "notice" {
		return word
	}
	return "note"
}

// securitySeverity is the score GitHub files an alert under: above 9.0 critical, 7.0 to 8.9 high, 4.0 to
// 6.9 medium, below 4.0 low. It must be a string holding a number, or the upload is rejected; these values
// sit away from the boundaries.
func securitySeverity(s model.Severity) string {
	switch s {
	case model.Critical:
		return "9.5"
	case model.High:
		return "8.0"
	case model.Medium:
		return "5.5"
	}
	return "2.0"
}

func result(r report.Report, f model.Finding, ruleIndex map[string]int) *gosarif.Result {
	lvl := level(f.Severity)
	if f.Confidence == model.Uncertain && r.Unknown == report.UnknownWarn {
		// As in compact output: a warning, which does not fail the run.
		lvl = "warning"
	}
	res := gosarif.NewRuleResult(f.RuleID).
		WithLevel(lvl).
		WithMessage(gosarif.NewTextMessage(f.Message)).
		WithPartialFingerPrints(map[string]any{fingerprintKey: fingerprint(f, r.Path(f.Range.Filename))})
	if i, ok := ruleIndex[f.RuleID]; ok {
		res.WithRuleIndex(i)
	}
	loc := gosarif.NewLocationWithPhysicalLocation(physicalLocation(r, f.Range))
	if f.Resource != "" {
		loc.WithLogicalLocations([]*gosarif.LogicalLocation{
			gosarif.NewLogicalLocation().WithFullyQualifiedName(f.Resource).WithKind("resource"),
		})
	}
	res.WithLocations([]*gosarif.Location{loc})
	if f.Confidence == model.Uncertain {
		res.Properties = gosarif.Properties{"confidence": f.Confidence.String()}
	}
	return res
}

// fingerprint identifies a finding by what it is about rather than where: rule, file, resource and
// property, so that it survives edits that move lines.
func fingerprint(f model.Finding, file string) string {
	sum := sha256.Sum256([]byte(f.RuleID + "\x00" + file + "\x00" + f.Resource + "\x00" + f.Property))
	return hex.EncodeToString(sum[:])
}

// diagnosticLevel is a diagnostic's SARIF level.
func diagnosticLevel(d *hcl.Diagnostic) string {
	if d.Severity == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}

func notification(r report.Report, d *hcl.Diagnostic, lvl string) *gosarif.Notification {
	message := d.Summary
	if d.Detail != "" {
		message += ": " + d.Detail
	}
	n := gosarif.NewNotification().WithLevel(lvl).WithTextMessage(message)
	if d.Subject != nil {
		n.WithLocations([]*gosarif.Location{gosarif.NewLocationWithPhysicalLocation(physicalLocation(r, *d.Subject))})
	}
	return n
}

func physicalLocation(r report.Report, rng hcl.Range) *gosarif.PhysicalLocation {
	loc := gosarif.NewPhysicalLocation().
		WithArtifactLocation(gosarif.NewSimpleArtifactLocation(uri(r, rng.Filename)).WithUriBaseId(srcRoot))
	if reg := region(rng); reg != nil {
		loc.WithRegion(reg)
	}
	return loc
}

// region is rng as SARIF wants it: lines and columns from 1, the end not before the start. A position a
// front end left at zero, unknown, is left out rather than made up.
func region(rng hcl.Range) *gosarif.Region {
	start, end := rng.Start, rng.End
	if start.Line < 1 {
		return nil
	}
	if end.Line < start.Line || end.Line == start.Line && end.Column < start.Column {
		end = start
	}
	reg := gosarif.NewRegion().WithStartLine(start.Line).WithEndLine(end.Line)
	if start.Column >= 1 {
		reg.WithStartColumn(start.Column)
		if end.Column >= 1 {
			reg.WithEndColumn(end.Column)
		}
	}
	return reg
}

// uri is where code scanning finds a file: the printed path, relative to the repository root and never
// absolute, since GitHub rejects absolute paths outside the checkout; a file outside the root climbs out
// of it with "..". Each segment is percent-encoded, colons too: a colon in the first segment would make it
// a URI scheme.
func uri(r report.Report, name string) string {
	path := r.Path(name)
	if abs := filepath.FromSlash(path); filepath.IsAbs(abs) {
		if rel, err := filepath.Rel(r.Root, abs); err == nil {
			path = filepath.ToSlash(rel)
		}
	}
	segments := strings.Split(path, "/")
	for i, s := range segments {
		segments[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segments, "/")
}
