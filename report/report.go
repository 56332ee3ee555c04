// Package report writes what a scan found: for people (text) and for the tools that read compiler-style
// lines (compact).
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

// shows reports whether a finding appears in the output at all.
func (m UnknownMode) shows(f model.Finding) bool {
	return f.Confidence != model.Uncertain || m != UnknownIgnore
}

// Report is everything a writer prints.
type Report struct {
	// Findings arrive sorted by file, line, column and rule.
	Findings []model.Finding
	// Diagnostics are parse errors and warnings such as skipped remote modules.
	Diagnostics hcl.Diagnostics
	// Sources holds the text of the files read, by the file names the ranges use.
	Sources   map[string][]byte
	Files     int
	Resources int
	Elapsed   time.Duration
	Unknown   UnknownMode
}

// uncertainNote marks a finding that rests on a value not known before deployment, whatever its message
// says about why.
const uncertainNote = " (confidence: unknown)"

// entry is one finding or diagnostic, ready for either writer.
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
func entries(r Report, root string) []entry {
	var out []entry
	for _, d := range r.Diagnostics {
		e := entry{word: "error", label: "ERROR", message: flatten(d.Summary)}
		if d.Severity == hcl.DiagWarning {
			e.word, e.label = "warning", "WARNING"
		}
		if detail := flatten(d.Detail); detail != "" {
			e.message += ": " + detail
		}
		if d.Subject != nil {
			e.rng, e.located, e.file = *d.Subject, true, relative(root, d.Subject.Filename)
		}
		out = append(out, e)
	}
	for _, f := range r.Findings {
		if !r.Unknown.shows(f) {
			continue
		}
		e := entry{
			rng:      f.Range,
			located:  true,
			file:     relative(root, f.Range.Filename),
			word:     severityWord(f.Severity),
			label:    strings.ToUpper(f.Severity.String()),
			ruleID:   f.RuleID,
			resource: f.Resource,
			message:  flatten(f.Message),
		}
		if rule, ok := checks.Lookup(f.RuleID); ok {
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

func severityWord(s model.Severity) string {
	switch s {
	case model.Critical, model.High:
		return "error"
	case model.Medium:
		return "warning"
	}
	return "notice"
}

// flatten makes a message one line, as line-oriented readers need.
func flatten(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// relative prints name relative to root with forward slashes. Names the scan gave relative are taken as
// relative to root already; a name outside root is printed as given, since a path climbing out of the
// working directory helps nobody find the file.
func relative(root, name string) string {
	if !filepath.IsAbs(name) {
		if clean := filepath.Clean(name); !escapes(clean) {
			return filepath.ToSlash(clean)
		}
		return name
	}
	rel, err := filepath.Rel(root, name)
	if err != nil || escapes(rel) {
		return name
	}
	return filepath.ToSlash(rel)
}

func escapes(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
