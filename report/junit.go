package report

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
)

// JUnit writes the report as JUnit XML for CI test dashboards.
//
// There is one testsuite per rule that ran, named "AIG201 ai-account-local-auth", rather than one per
// file: the rule set is the same on every run, so dashboards can follow each suite over time, while files
// come and go. A suite holds one testcase per resource the rule looked at (named by the resource, its
// classname the file): failing with each finding the rule made about it, passing when there is none; a
// rule that looked at no resource has one passing testcase, "no resources". A finding on a value unknown
// until deployment is skipped, not failed, under --unknown warn, since it does not fail the run either.
// Parse errors and warnings go into a last suite, "aigate", as errors and skipped testcases.
func JUnit(w io.Writer, r Report) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(junitDocument(r)); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

type junitSuites struct {
	XMLName xml.Name `xml:"testsuites"`
	Name    string   `xml:"name,attr"`
	junitCounts
	Time   string       `xml:"time,attr"`
	Suites []junitSuite `xml:"testsuite"`
}

type junitCounts struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Skipped  int `xml:"skipped,attr"`
}

type junitSuite struct {
	Name string `xml:"name,attr"`
	junitCounts
	Cases []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	Skipped   *junitSkipped `xml:"skipped"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	// Text is CDATA so that its lines and quotes stay readable; encoding/xml would escape them all.
	Text string `xml:",cdata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

func junitDocument(r Report) junitSuites {
	byRule := map[string][]model.Finding{}
	for _, f := range r.Shown() {
		byRule[f.RuleID] = append(byRule[f.RuleID], f)
	}
	// Every rule that ran has a suite; so has a rule that found something without being in the list.
	names := map[string]string{}
	for _, rule := range r.RulesRun() {
		names[rule.ID] = rule.ID + " " + rule.Name
	}
	for id := range byRule {
		if _, ok := names[id]; !ok {
			names[id] = id
			if rule, found := r.Rule(id); found {
				names[id] = id + " " + rule.Name
			}
		}
	}
	judgedByRule := map[string][]checks.Judged{}
	for _, j := range r.Judged {
		judgedByRule[j.RuleID] = append(judgedByRule[j.RuleID], j)
	}
	doc := junitSuites{Name: "aigate", Time: fmt.Sprintf("%.3f", r.Elapsed.Seconds())}
	for _, id := range slices.Sorted(maps.Keys(names)) {
		suite := junitSuite{Name: names[id]}
		// A resource is known by its deployment and address: two roots may each declare
		// azurerm_cognitive_account.oai.
		type resourceKey struct{ deployment, address string }
		reported := map[resourceKey]bool{}
		for _, f := range byRule[id] {
			suite.add(findingCase(r, f))
			reported[resourceKey{f.Deployment, f.Resource}] = true
		}
		for _, j := range judgedByRule[id] {
			if key := (resourceKey{j.Deployment, j.Resource}); !reported[key] {
				reported[key] = true
				file := r.Path(j.Range.Filename)
				suite.add(junitCase{Name: j.Resource, Classname: file, File: file, Line: j.Range.Start.Line})
			}
		}
		if len(suite.Cases) == 0 {
			suite.add(junitCase{Name: "no resources", Classname: id})
		}
		doc.add(suite)
	}
	if len(r.Diagnostics) > 0 {
		suite := junitSuite{Name: "aigate"}
		for _, d := range r.SortedDiagnostics() {
			suite.add(diagnosticCase(r, d))
		}
		doc.add(suite)
	}
	return doc
}

func (s *junitSuite) add(c junitCase) {
	s.Cases = append(s.Cases, c)
	s.Tests++
	switch {
	case c.Failure != nil:
		s.Failures++
	case c.Error != nil:
		s.Errors++
	case c.Skipped != nil:
		s.Skipped++
	}
}

func (d *junitSuites) add(s junitSuite) {
	d.Suites = append(d.Suites, s)
	d.Tests += s.Tests
	d.Failures += s.Failures
	d.Errors += s.Errors
	d.Skipped += s.Skipped
}

func findingCase(r Report, f model.Finding) junitCase {
	file := r.Path(f.Range.Filename)
	where := fmt.Sprintf("%s:%d:%d", file, f.Range.Start.Line, f.Range.Start.Column)
	c := junitCase{Name: cmp.Or(f.Resource, where), Classname: file, File: file, Line: f.Range.Start.Line}
	message := flatten(f.Message)
	if f.Confidence == model.Uncertain {
		message += uncertainNote
		if r.Unknown == UnknownWarn {
			c.Skipped = &junitSkipped{Message: message}
			return c
		}
	}
	details := []string{where + ": " + message}
	if f.Resource != "" {
		details = append(details, "resource: "+f.Resource)
	}
	if f.Property != "" {
		details = append(details, "property: "+f.Property)
	}
	if rule, ok := r.Rule(f.RuleID); ok {
		if fix := rule.Remediation.For(f.Language); fix != "" {
			details = append(details, "how to fix: "+fix)
		}
	}
	c.Failure = &junitProblem{Message: message, Type: f.Severity.String(), Text: strings.Join(details, "\n")}
	return c
}

func diagnosticCase(r Report, d *hcl.Diagnostic) junitCase {
	message := diagnosticMessage(d)
	c := junitCase{Name: flatten(d.Summary), Classname: "aigate"}
	text := message
	if d.Subject != nil {
		c.Classname, c.File, c.Line = r.Path(d.Subject.Filename), r.Path(d.Subject.Filename), d.Subject.Start.Line
		text = fmt.Sprintf("%s:%d:%d: %s", c.File, d.Subject.Start.Line, d.Subject.Start.Column, message)
	}
	if d.Severity == hcl.DiagWarning {
		c.Skipped = &junitSkipped{Message: message}
	} else {
		c.Error = &junitProblem{Message: message, Type: "error", Text: text}
	}
	return c
}
