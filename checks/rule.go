// Package checks holds the rule catalog: one file per rule, its metadata beside its logic. Rules read
// only the ARM-shaped model, so each holds for every input language.
package checks

import (
	"slices"

	"github.com/aigate-dev/aigate/model"
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
	// Languages lists the input languages the rule applies to; nil is every one. Rules that read ARM
	// property names as the user wrote them (the 9xx hygiene rules) apply where users write them.
	Languages []model.Language
	// Run judges one deployment. An error means the rule could not do its work (a bad setting); it is
	// reported and the other rules go on.
	Run func(*Pass) error
}

// AppliesTo reports whether the rule judges resources written in l.
func (r *Rule) AppliesTo(l model.Language) bool {
	return r.Languages == nil || slices.Contains(r.Languages, l)
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
