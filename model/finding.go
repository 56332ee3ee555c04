package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Severity orders findings; the threshold for the exit code compares against it.
type Severity uint8

const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

var severityNames = map[Severity]string{Low: "low", Medium: "medium", High: "high", Critical: "critical"}

func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return "invalid"
}

// ParseSeverity reads low, medium, high or critical, in any case.
func ParseSeverity(s string) (Severity, error) {
	for sev, name := range severityNames {
		if strings.EqualFold(s, name) {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q: want low, medium, high or critical", s)
}

// Confidence says whether a finding rests on known values.
type Confidence uint8

const (
	// Certain findings rest on values known before deployment.
	Certain Confidence = iota + 1
	// Uncertain findings rest on a value that is unknown until deployment; the user chooses what they do.
	Uncertain
)

func (c Confidence) String() string {
	if c == Uncertain {
		return "unknown"
	}
	return "known"
}

// Finding is one rule violation at one place.
type Finding struct {
	RuleID     string
	Severity   Severity
	Confidence Confidence
	// Range is the attribute that decides the finding, or the resource header when it is absent.
	Range hcl.Range
	// Resource is the resource's address.
	Resource string
	// ResourceRange is the resource's header. Ignores written above the resource are found through it
	// when the finding lands on an attribute further down.
	ResourceRange hcl.Range
	// Property is the ARM property path the finding concerns, when it concerns one.
	Property string
	Message  string
	Language Language
	// Via lists the module calls that lead to the resource, outermost first.
	Via []hcl.Range
	// Deployment names the deployment the finding was made in (Deployment.Name).
	Deployment string
	// Related are other places that explain the finding: the private endpoint that is missing a DNS zone,
	// the policy a deployment names.
	Related []Related
}

// Related is a place a finding points to besides its own.
type Related struct {
	Range   hcl.Range
	Message string
}

// SortFindings orders findings by file, line, column and rule, then by resource and message, so that
// output is the same on every run.
func SortFindings(fs []Finding) {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Range.Filename, b.Range.Filename),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			cmp.Compare(a.Range.Start.Column, b.Range.Start.Column),
			cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Resource, b.Resource),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
