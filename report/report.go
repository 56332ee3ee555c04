// Package report writes what a scan found: for people (text), for the tools that read compiler-style
// lines (compact), for GitHub Actions (github), for programs (json) and for CI test dashboards (junit).
// SARIF lives in its own package, which writes the same Report.
package report

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
)

// UnknownMode says what happens to a finding that rests on a value unknown until deployment.
type UnknownMode uint8

const (
	// UnknownWarn shows such findings as warnings that do not fail the run. It is the default, hence the
	// zero value.
	UnknownWarn UnknownMode = iota
	// UnknownIgnore hides them.
	UnknownIgnore
	// UnknownFail reports them like any other finding.
	UnknownFail
)

var unknownModeNames = map[UnknownMode]string{UnknownWarn: "warn", UnknownIgnore: "ignore", UnknownFail: "fail"}

func (m UnknownMode) String() string {
	if n, ok := unknownModeNames[m]; ok {
		return n
	}
	return "invalid"
}

// ParseUnknownMode reads ignore, warn or fail, in any case.
func ParseUnknownMode(s string) (UnknownMode, error) {
	for mode, name := range unknownModeNames {
		if strings.EqualFold(s, name) {
			return mode, nil
		}
	}
	return 0, fmt.Errorf("unknown mode %q: want ignore, warn or fail", s)
}

// Report is everything a writer prints.
type Report struct {
	// Findings arrive sorted by file, line, column and rule.
	Findings []model.Finding
	// Diagnostics are parse errors and warnings such as skipped remote modules.
	Diagnostics hcl.Diagnostics
	// Notices are about the ignores themselves (expired, unused, naming no rule): shown at notice level,
	// they never fail the run.
	Notices hcl.Diagnostics
	// Suppressed and Baselined count the findings that ignores and the baseline left out.
	Suppressed int
	Baselined  int
	// Judged lists the resources each rule judged.
	Judged []checks.Judged
	// Sources holds the text of the files read, by the file names the ranges use.
	Sources   map[string][]byte
	Files     int
	Resources int
	Elapsed   time.Duration
	Unknown   UnknownMode
	// Catalog is every rule the scan knew, built-in and loaded, for writers that describe the rules; nil
	// is checks.Builtin().
	Catalog *checks.Catalog
	// Rules are the rules that ran, ordered by ID; nil means every rule of the catalog.
	Rules []*checks.Rule
	// Root is the directory printed file names are relative to: the repository root, or the working
	// directory outside a repository.
	Root string
	// WorkDir is the directory the scan's relative file names start from; empty means Root.
	WorkDir string
}

// Path is the name every writer prints for a file the scan named: relative to Root, with forward slashes
// and no leading "./". A file outside Root keeps its absolute name, since a path climbing out of the
// repository helps nobody find the file.
func (r Report) Path(name string) string {
	if !filepath.IsAbs(name) {
		name = filepath.Join(cmp.Or(r.WorkDir, r.Root), name)
	}
	rel, err := filepath.Rel(r.Root, name)
	if err != nil || escapes(rel) {
		return filepath.ToSlash(name)
	}
	return filepath.ToSlash(rel)
}

// shows reports whether a finding appears in the output at all: --unknown ignore hides the uncertain.
func (r Report) shows(f model.Finding) bool {
	return f.Confidence != model.Uncertain || r.Unknown != UnknownIgnore
}

// Shown returns the findings that appear in the output, sorted by printed file name, line, column and
// rule: the scan sorted them by the names it uses, which need not sort the same.
func (r Report) Shown() []model.Finding {
	var out []model.Finding
	for _, f := range r.Findings {
		if r.shows(f) {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Finding) int {
		return cmp.Or(
			cmp.Compare(r.Path(a.Range.Filename), r.Path(b.Range.Filename)),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			cmp.Compare(a.Range.Start.Column, b.Range.Start.Column),
			cmp.Compare(a.RuleID, b.RuleID),
		)
	})
	return out
}

// SortedDiagnostics returns the diagnostics in the order writers print them: those about no file in
// particular first, then by printed file name, line and column.
func (r Report) SortedDiagnostics() hcl.Diagnostics {
	return r.sorted(r.Diagnostics)
}

// SortedNotices returns the notices in the order of SortedDiagnostics.
func (r Report) SortedNotices() hcl.Diagnostics {
	return r.sorted(r.Notices)
}

func (r Report) sorted(diags hcl.Diagnostics) hcl.Diagnostics {
	diags = slices.Clone(diags)
	slices.SortStableFunc(diags, func(a, b *hcl.Diagnostic) int {
		if a.Subject == nil || b.Subject == nil {
			return compareBool(a.Subject != nil, b.Subject != nil)
		}
		return cmp.Or(
			cmp.Compare(r.Path(a.Subject.Filename), r.Path(b.Subject.Filename)),
			cmp.Compare(a.Subject.Start.Line, b.Subject.Start.Line),
			cmp.Compare(a.Subject.Start.Column, b.Subject.Start.Column),
		)
	})
	return diags
}

// RulesRun returns the rules that ran.
func (r Report) RulesRun() []*checks.Rule {
	if r.Rules == nil {
		return r.catalog().Rules()
	}
	return r.Rules
}

// KnownRules returns every rule of the catalog, ordered by ID.
func (r Report) KnownRules() []*checks.Rule { return r.catalog().Rules() }

// Rule returns the catalog's rule with the given ID.
func (r Report) Rule(id string) (*checks.Rule, bool) { return r.catalog().Lookup(id) }

func (r Report) catalog() *checks.Catalog {
	if r.Catalog == nil {
		return checks.Builtin()
	}
	return r.Catalog
}

// uncertainNote marks a finding that rests on a value not known before deployment, whatever its message
// says about why.
const uncertainNote = " (confidence: unknown)"

// entry is one finding or diagnostic, ready for the line-oriented writers: text, compact and github.
type entry struct {
	// rng keeps the file name as the scan gave it, the key into Report.Sources.
	rng     hcl.Range
	located bool
	// file is the name to print.
	file string
	// word is what problem matchers understand: error, warning or notice.
	word string
	// label is what people read: a severity, or ERROR and WARNING for diagnostics.
	label    string
	ruleID   string
	ruleName string
	resource string
	message  string
}

// entries turns the report into one list, sorted by the printed file name, line and column; at one place
// diagnostics come first, as a broken file explains what follows.
func entries(r Report) []entry {
	var out []entry
	for _, d := range r.SortedDiagnostics() {
		e := entry{word: "error", label: "ERROR", message: diagnosticMessage(d)}
		if d.Severity == hcl.DiagWarning {
			e.word, e.label = "warning", "WARNING"
		}
		if d.Subject != nil {
			e.rng, e.located, e.file = *d.Subject, true, r.Path(d.Subject.Filename)
		}
		out = append(out, e)
	}
	for _, d := range r.SortedNotices() {
		e := entry{word: "notice", label: "NOTICE", message: diagnosticMessage(d)}
		if d.Subject != nil {
			e.rng, e.located, e.file = *d.Subject, true, r.Path(d.Subject.Filename)
		}
		out = append(out, e)
	}
	for _, f := range r.Shown() {
		e := entry{
			rng:      f.Range,
			located:  true,
			file:     r.Path(f.Range.Filename),
			word:     SeverityWord(f.Severity),
			label:    strings.ToUpper(f.Severity.String()),
			ruleID:   f.RuleID,
			resource: f.Resource,
			message:  flatten(f.Message),
		}
		if rule, ok := r.Rule(f.RuleID); ok {
			e.ruleName = rule.Name
		}
		if f.Confidence == model.Uncertain {
			if r.Unknown == UnknownWarn {
				e.word = "warning"
			}
			e.message += uncertainNote
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b entry) int {
		return cmp.Or(
			compareBool(a.located, b.located),
			cmp.Compare(a.file, b.file),
			cmp.Compare(a.rng.Start.Line, b.rng.Start.Line),
			cmp.Compare(a.rng.Start.Column, b.rng.Start.Column),
		)
	})
	return out
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// SeverityWord is what problem matchers and annotations call a finding of severity s: critical and high
// are error, medium warning, low notice.
func SeverityWord(s model.Severity) string {
	switch s {
	case model.Critical, model.High:
		return "error"
	case model.Medium:
		return "warning"
	}
	return "notice"
}

// diagnosticMessage is a diagnostic's summary and detail on one line.
func diagnosticMessage(d *hcl.Diagnostic) string {
	message := flatten(d.Summary)
	if detail := flatten(d.Detail); detail != "" {
		message += ": " + detail
	}
	return message
}

// flatten makes a message one line, as line-oriented readers need.
func flatten(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func escapes(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
