// Package checks holds the rule catalog: one file per rule, its metadata beside its logic. Rules read
// only the ARM-shaped model, so each holds for every input language.
package checks

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
)

// Rule is one entry of the catalog. IDs are stable forever; a retired ID is never reused.
type Rule struct {
	ID       string
	Name     string
	Severity model.Severity
	// Title is one line, as in the catalog's "fails when" column, phrased as the risk.
	Title string
	// Description says why the setting matters, in full sentences.
	Description string
	Remediation Remediation
	References  []string
	Run         func(*Pass)
}

// Remediation says how to fix a finding in each input language.
type Remediation struct {
	Terraform string
	Bicep     string
	ARM       string
}

// For returns the remediation for a language.
func (r Remediation) For(l model.Language) string {
	switch l {
	case model.Bicep:
		return r.Bicep
	case model.ARM:
		return r.ARM
	}
	return r.Terraform
}

// Fix is one language's remediation, with the language named as people write it.
type Fix struct {
	Language string
	Text     string
}

// Fixes returns the remediation of each language that has one, in the order help lists them:
// Terraform, Bicep, ARM.
func (r Remediation) Fixes() []Fix {
	var fixes []Fix
	for _, f := range []Fix{{"Terraform", r.Terraform}, {"Bicep", r.Bicep}, {"ARM", r.ARM}} {
		if f.Text != "" {
			fixes = append(fixes, f)
		}
	}
	return fixes
}

var registry []*Rule

func register(r *Rule) {
	registry = append(registry, r)
	slices.SortFunc(registry, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
}

// All returns every rule, ordered by ID.
func All() []*Rule { return slices.Clone(registry) }

// Lookup returns the rule with the given ID.
func Lookup(id string) (*Rule, bool) {
	for _, r := range registry {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return nil, false
}

// Checked is one resource one rule looked at, for reports that list what passed as well as what failed.
type Checked struct {
	RuleID string
	// Resource is the resource's address, as findings give it.
	Resource string
	// Range is the resource's header.
	Range hcl.Range
}

// Run runs rules over the resources and returns what they find, sorted, and what each rule looked at, in
// rule and configuration order.
func Run(rules []*Rule, resources []*model.Resource) ([]model.Finding, []Checked) {
	var findings []model.Finding
	var checked []Checked
	for _, rule := range rules {
		p := &Pass{rule: rule, resources: resources}
		rule.Run(p)
		findings = append(findings, p.findings...)
		checked = append(checked, p.checked...)
	}
	model.SortFindings(findings)
	return findings, checked
}

// Pass is all a rule sees: the resources of one configuration and a way to report.
type Pass struct {
	rule      *Rule
	resources []*model.Resource
	findings  []model.Finding
	checked   []Checked
}

// Resources yields the resources of an ARM type, in configuration order.
func (p *Pass) Resources(armType string) iter.Seq[*model.Resource] {
	return func(yield func(*model.Resource) bool) {
		for _, r := range p.resources {
			if !strings.EqualFold(r.Type, armType) {
				continue
			}
			p.checked = append(p.checked, Checked{RuleID: p.rule.ID, Resource: r.Address, Range: r.Range})
			if !yield(r) {
				return
			}
		}
	}
}

// Report records a finding about r that rests on the deciding values, in the order the rule ranks them.
// The finding lands on the first of them the user wrote, or on the resource header when the user wrote
// none (they are absent, or provider defaults). It is Uncertain when any of them is Unknown: that value
// could turn out either way.
func (p *Pass) Report(r *model.Resource, property string, deciding []*model.Value, format string, args ...any) {
	f := model.Finding{
		RuleID:        p.rule.ID,
		Severity:      p.rule.Severity,
		Confidence:    model.Certain,
		Range:         r.Range,
		Resource:      r.Address,
		ResourceRange: r.Range,
		Property:      property,
		Message:       fmt.Sprintf(format, args...),
		Language:      r.Language,
		Via:           r.Via,
	}
	if at := written(deciding...); at != nil {
		f.Range = at.Range
	}
	if anyUnknown(deciding...) {
		f.Confidence = model.Uncertain
	}
	p.findings = append(p.findings, f)
}
