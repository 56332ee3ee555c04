package report

import (
	"encoding/json"
	"io"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
)

// JSONVersion is the version of the JSON schema. It changes only when a reader written for the previous
// version would misread the output; adding a field does not change it.
const JSONVersion = 1

// JSON writes the report as one JSON document for programs, in a schema of our own (docs/json-output.md):
//
//	{
//	  "version": 1,
//	  "findings": [{
//	    "rule": "AIG201", "name": "ai-account-local-auth", "severity": "high", "confidence": "known",
//	    "file": "infra/openai.tf", "startLine": 14, "startColumn": 3, "endLine": 14, "endColumn": 28,
//	    "resource": "azurerm_cognitive_account.oai", "property": "properties.disableLocalAuth",
//	    "message": "Azure OpenAI account 'oai' accepts API keys ...", "language": "terraform"
//	  }],
//	  "errors": [{
//	    "severity": "error", "file": "infra/broken.tf", "startLine": 1, "startColumn": 45,
//	    "endLine": 1, "endColumn": 46, "summary": "Unclosed configuration block", "detail": "..."
//	  }],
//	  "stats": {
//	    "files": 12, "resources": 41,
//	    "findings": {"critical": 0, "high": 1, "medium": 0, "low": 0},
//	    "elapsedMs": 80
//	  }
//	}
//
// Findings come sorted by file, line, column and rule. severity is critical, high, medium or low; confidence
// is known, or unknown when the finding rests on a value not known before deployment (those are left out
// under --unknown ignore). property is the ARM property path the finding concerns, and absent when it
// concerns none; language is terraform, bicep or arm. Columns count Unicode characters from 1, and the end
// is exclusive. errors holds parse errors and warnings (severity error or warning); a problem that concerns
// no file in particular has no file or position fields. stats.findings counts the findings listed, by
// severity. Files are relative to the repository root, with forward slashes.
func JSON(w io.Writer, r Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Messages quote code such as `a < b`; escaping it for HTML would only make the output harder to read.
	enc.SetEscapeHTML(false)
	return enc.Encode(jsonDocument(r))
}

type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
	// Notices are about the ignores: expired, unused, naming no rule. Severity is "notice".
	Notices []jsonError `json:"notices"`
	Stats   jsonStats   `json:"stats"`
}

type jsonFinding struct {
	Rule        string `json:"rule"`
	Name        string `json:"name"`
	Severity    string `json:"severity"`
	Confidence  string `json:"confidence"`
	File        string `json:"file"`
	StartLine   int    `json:"startLine"`
	StartColumn int    `json:"startColumn"`
	EndLine     int    `json:"endLine"`
	EndColumn   int    `json:"endColumn"`
	Resource    string `json:"resource"`
	Property    string `json:"property,omitempty"`
	Message     string `json:"message"`
	Language    string `json:"language"`
}

type jsonError struct {
	Severity    string `json:"severity"`
	File        string `json:"file,omitempty"`
	StartLine   int    `json:"startLine,omitempty"`
	StartColumn int    `json:"startColumn,omitempty"`
	EndLine     int    `json:"endLine,omitempty"`
	EndColumn   int    `json:"endColumn,omitempty"`
	Summary     string `json:"summary"`
	Detail      string `json:"detail,omitempty"`
}

type jsonStats struct {
	Files     int            `json:"files"`
	Resources int            `json:"resources"`
	Findings  severityCounts `json:"findings"`
	ElapsedMs int64          `json:"elapsedMs"`
	// Suppressed and Baselined count the findings that ignores and the baseline left out.
	Suppressed int `json:"suppressed"`
	Baselined  int `json:"baselined"`
}

// severityCounts is a struct rather than a map so that every severity is always present, in order.
type severityCounts struct {
	Critical int `json:"critical"`
	High     int `json:"high"`
	Medium   int `json:"medium"`
	Low      int `json:"low"`
}

func (c *severityCounts) add(s model.Severity) {
	switch s {
	case model.Critical:
		c.Critical++
	case model.High:
		c.High++
	case model.Medium:
		c.Medium++
	case model.Low:
		c.Low++
	}
}

func jsonDocument(r Report) jsonReport {
	doc := jsonReport{
		Version: JSONVersion,
		// Empty lists, not null, so that readers can iterate without a check.
		Findings: []jsonFinding{},
		Errors:   []jsonError{},
		Notices:  []jsonError{},
		Stats: jsonStats{
			Files:     r.Files,
			Resources: r.Resources,
			ElapsedMs: r.Elapsed.Milliseconds(),
		},
	}
	for _, f := range r.Shown() {
		jf := jsonFinding{
			Rule:        f.RuleID,
			Severity:    f.Severity.String(),
			Confidence:  f.Confidence.String(),
			File:        r.Path(f.Range.Filename),
			StartLine:   f.Range.Start.Line,
			StartColumn: f.Range.Start.Column,
			EndLine:     f.Range.End.Line,
			EndColumn:   f.Range.End.Column,
			Resource:    f.Resource,
			Property:    f.Property,
			Message:     f.Message,
			Language:    f.Language.String(),
		}
		if rule, ok := r.Rule(f.RuleID); ok {
			jf.Name = rule.Name
		}
		doc.Findings = append(doc.Findings, jf)
		doc.Stats.Findings.add(f.Severity)
	}
	for _, d := range r.SortedDiagnostics() {
		doc.Errors = append(doc.Errors, jsonDiagnostic(r, d))
	}
	for _, d := range r.SortedNotices() {
		n := jsonDiagnostic(r, d)
		n.Severity = "notice"
		doc.Notices = append(doc.Notices, n)
	}
	doc.Stats.Suppressed, doc.Stats.Baselined = r.Suppressed, r.Baselined
	return doc
}

func jsonDiagnostic(r Report, d *hcl.Diagnostic) jsonError {
	e := jsonError{Severity: "error", Summary: d.Summary, Detail: d.Detail}
	if d.Severity == hcl.DiagWarning {
		e.Severity = "warning"
	}
	if s := d.Subject; s != nil {
		e.File = r.Path(s.Filename)
		e.StartLine, e.StartColumn = s.Start.Line, s.Start.Column
		e.EndLine, e.EndColumn = s.End.Line, s.End.Column
	}
	return e
}
