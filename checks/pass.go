package checks

import (
	"fmt"
	"iter"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
)

// Settings are what .aigate.yml tells the rules, typed.
type Settings struct {
	// ApprovedModels are the models deployments may use (AIG406); none means the rule does not apply.
	ApprovedModels []ApprovedModel
}

// ApprovedModel is an entry of approved_models. Format and Version are empty when any will do; Version
// may be a glob.
type ApprovedModel struct {
	Format, Name, Version string
	// Range is the entry in .aigate.yml, for findings that cite it.
	Range hcl.Range
}

// Judged is one resource one rule judged, for reports that list what passed as well as what failed.
type Judged struct {
	RuleID string
	// Deployment names the deployment the resource is in, since two roots may use one address.
	Deployment string
	// Resource is the resource's address, as findings give it.
	Resource string
	// Range is the resource's header.
	Range hcl.Range
}

// RuleError is a rule that could not do its work on a deployment.
type RuleError struct {
	RuleID, Deployment string
	Err                error
}

func (e RuleError) Error() string {
	return fmt.Sprintf("rule %s on %s: %v", e.RuleID, e.Deployment, e.Err)
}

func (e RuleError) Unwrap() error { return e.Err }

// Result is what the rules made of one deployment.
type Result struct {
	Findings []model.Finding
	// Judged is in rule order, then in the order each rule judged.
	Judged []Judged
	Errors []RuleError
}

// Run runs rules over one deployment. Findings are sorted; a rule that fails or panics costs its own
// findings on that deployment only.
func Run(rules []*Rule, d *model.Deployment, settings Settings) Result {
	var res Result
	for _, rule := range rules {
		p := &Pass{rule: rule, deployment: d, settings: settings}
		if err := p.run(); err != nil {
			res.Errors = append(res.Errors, RuleError{RuleID: rule.ID, Deployment: d.Name, Err: err})
			continue
		}
		res.Findings = append(res.Findings, p.findings...)
		res.Judged = append(res.Judged, p.judged...)
	}
	model.SortFindings(res.Findings)
	return res
}

func (p *Pass) run() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return p.rule.Run(p)
}

// Pass is all a rule sees of one deployment: its resources, the resolver that joins them, the settings,
// and a way to report. Looking at a resource has no side effect; Judge says which ones the rule judges.
type Pass struct {
	rule       *Rule
	deployment *model.Deployment
	settings   Settings
	findings   []model.Finding
	judged     []Judged
}

// Judge yields the resources of an ARM type that the rule judges, in declaration order, and records each
// as judged: a resource that draws no finding passed.
func (p *Pass) Judge(armType string) iter.Seq[*model.Resource] {
	return func(yield func(*model.Resource) bool) {
		for _, r := range p.deployment.OfType(armType) {
			if !p.rule.AppliesTo(r.Language) {
				continue
			}
			p.judged = append(p.judged, Judged{RuleID: p.rule.ID, Deployment: p.deployment.Name, Resource: r.Address, Range: r.Range})
			if !yield(r) {
				return
			}
		}
	}
}

// Resources yields the resources of an ARM type, in declaration order, without judging them: what a rule
// reads to decide about another resource.
func (p *Pass) Resources(armType string) iter.Seq[*model.Resource] {
	return func(yield func(*model.Resource) bool) {
		for _, r := range p.deployment.OfType(armType) {
			if !yield(r) {
				return
			}
		}
	}
}

// Resolve answers which resources of the deployment a value points at; see model.Deployment.Resolve.
func (p *Pass) Resolve(v *model.Value, types ...string) model.Join {
	return p.deployment.Resolve(v, types...)
}

// Parent returns the resource r is a child of.
func (p *Pass) Parent(r *model.Resource) model.Join { return p.deployment.Parent(r) }

// Children returns r's children of an ARM type (any, when empty).
func (p *Pass) Children(r *model.Resource, childType string) model.Join {
	return p.deployment.Children(r, childType)
}

// Referrers returns the resources of referrerType whose value at path points at r; see
// model.Deployment.Referrers for the path.
func (p *Pass) Referrers(r *model.Resource, referrerType, path string) model.Join {
	return p.deployment.Referrers(r, referrerType, path)
}

// ScopeOf returns what an extension resource applies to.
func (p *Pass) ScopeOf(r *model.Resource) model.Join { return p.deployment.ScopeOf(r) }

// Outputs returns the deployment's outputs.
func (p *Pass) Outputs() []*model.Output { return p.deployment.Outputs }

// Settings returns what .aigate.yml tells the rules.
func (p *Pass) Settings() Settings { return p.settings }

// Report records a finding about r that rests on the deciding values, in the order the rule ranks them.
// The finding lands on the first of them the user wrote, or on the resource header when the user wrote
// none (they are absent, or provider defaults). It is Uncertain when any of them is Unknown: that value
// could turn out either way.
func (p *Pass) Report(r *model.Resource, property string, deciding []*model.Value, format string, args ...any) {
	p.ReportFinding(Report{Resource: r, Property: property, Deciding: deciding, Message: fmt.Sprintf(format, args...)})
}

// Report is a finding as a rule states it; ReportFinding places it.
type Report struct {
	// Resource or Output is the finding's subject; exactly one is set.
	Resource *model.Resource
	Output   *model.Output
	// Property is the ARM property path the finding concerns, when it concerns one.
	Property string
	// Deciding are the values that decide the finding, in the order the rule ranks them; see Pass.Report.
	Deciding []*model.Value
	// Severity overrides the rule's severity when not zero (a key that is also shared to all is worse).
	Severity model.Severity
	// Uncertain marks a finding that rests on a join known only at deployment, whatever the values say.
	Uncertain bool
	Related   []model.Related
	Message   string
}

// ReportFinding records a finding.
func (p *Pass) ReportFinding(rep Report) {
	f := model.Finding{
		RuleID:     p.rule.ID,
		Severity:   p.rule.Severity,
		Confidence: model.Certain,
		Property:   rep.Property,
		Message:    rep.Message,
		Deployment: p.deployment.Name,
		Related:    rep.Related,
	}
	switch {
	case rep.Resource != nil:
		r := rep.Resource
		f.Range, f.ResourceRange, f.Resource, f.Language, f.Via = r.Range, r.Range, r.Address, r.Language, r.Via
	case rep.Output != nil:
		o := rep.Output
		f.Range, f.ResourceRange, f.Resource, f.Language = o.Range, o.Range, o.Address, o.Language
	default:
		panic("checks: a report names neither a resource nor an output")
	}
	if rep.Severity != 0 {
		f.Severity = rep.Severity
	}
	if at := written(rep.Deciding...); at != nil {
		f.Range = at.Range
	}
	if rep.Uncertain || anyUnknown(rep.Deciding...) {
		f.Confidence = model.Uncertain
	}
	p.findings = append(p.findings, f)
}
