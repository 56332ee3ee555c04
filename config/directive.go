package config

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
)

// DirectivePrefix starts an ignore in a comment: `aigate:ignore:AIG201`, optionally followed by
// `:exp:YYYY-MM-DD`. Several may share a comment, each with its own prefix, as in tfsec
// (`# aigate:ignore:AIG201 aigate:ignore:AIG101`); the text after ` -- ` is the reason, for all of them.
const DirectivePrefix = "aigate:ignore:"

// Directive is one ignore written in a scanned file: in a comment, or in an ARM resource's
// metadata.aigate.ignore list.
type Directive struct {
	// Rule is the rule ID as written, upper-cased. It is not checked against the catalog here: the scan
	// reports one that names no rule.
	Rule string
	// Expires is the day the directive stops applying; zero is never.
	Expires time.Time
	Reason  string
	// Range is the directive's text, where notices about it point.
	Range hcl.Range
	// Line is the line a comment directive covers, in Range's file: its own line when the comment follows
	// code on that line, else the line of code below it. It is zero for a metadata directive, which
	// covers the resource that holds it.
	Line int
}

// CommentDirectives finds the ignores in the comments of a Terraform (.tf: #, // and /* */), Bicep
// (.bicep, .bicepparam: // and /* */) or ARM template (.json: // and /* */, which ARM accepts) file.
// Other files have none. A malformed directive is left out and reported as a warning at its text.
func CommentDirectives(filename string, src []byte) ([]Directive, hcl.Diagnostics) {
	if !bytes.Contains(src, []byte(DirectivePrefix)) {
		return nil, nil
	}
	var comments []comment
	skipAbove := func([]byte) bool { return false }
	switch {
	case strings.HasSuffix(filename, ".tf"):
		comments = hclComments(filename, src)
	case strings.HasSuffix(filename, ".bicep"), strings.HasSuffix(filename, ".bicepparam"):
		comments = cStyleComments(src, '\'', bicepStringEnd)
		// A directive above a decorated resource is written above its decorators.
		skipAbove = func(line []byte) bool { return bytes.HasPrefix(bytes.TrimSpace(line), []byte("@")) }
	case strings.HasSuffix(filename, ".json") && !strings.HasSuffix(filename, ".tf.json"):
		comments = cStyleComments(src, '"', jsonStringEnd)
	default:
		return nil, nil
	}
	lines := newLineIndex(src)
	ownLines := markOwnLine(lines, comments)
	var out []Directive
	var diags hcl.Diagnostics
	for _, c := range comments {
		text := string(src[c.text:c.textEnd])
		if !strings.Contains(text, DirectivePrefix) {
			continue
		}
		covered := lines.line(c.from)
		if c.ownLine {
			covered = lines.line(c.to) + 1
			for covered <= lines.lines() && (ownLines[covered] || skipAbove(lines.text(covered))) {
				covered++
			}
		}
		body, reason := splitReason(text)
		for _, tok := range fields(body) {
			spec, ok := strings.CutPrefix(tok.text, DirectivePrefix)
			if !ok {
				continue
			}
			rng := hcl.Range{Filename: filename, Start: lines.pos(c.text + tok.start), End: lines.pos(c.text + tok.start + len(tok.text))}
			d, diag := parseSpec(spec, rng)
			if diag != nil {
				diags = append(diags, diag)
				continue
			}
			d.Reason, d.Line = reason, covered
			out = append(out, d)
		}
	}
	return out, diags
}

// ParseDirective reads an entry of an ARM resource's metadata.aigate.ignore list, written at rng:
// `AIG201`, `AIG201:exp:2026-12-31`, either followed by ` -- reason` (the aigate:ignore: prefix may be
// written too). A malformed entry yields a warning instead.
func ParseDirective(text string, rng hcl.Range) (Directive, *hcl.Diagnostic) {
	body, reason := splitReason(text)
	spec := strings.TrimPrefix(strings.TrimSpace(body), DirectivePrefix)
	if strings.ContainsFunc(spec, isSpace) {
		return Directive{}, malformed(rng, fmt.Sprintf("An entry of metadata.aigate.ignore names one rule, such as \"AIG201 -- reason\"; %q names several.", text))
	}
	d, diag := parseSpec(spec, rng)
	d.Reason = reason
	return d, diag
}

// parseSpec reads what follows the prefix: the rule ID, then optionally :exp:YYYY-MM-DD.
func parseSpec(spec string, rng hcl.Range) (Directive, *hcl.Diagnostic) {
	rule, qualifier, _ := strings.Cut(spec, ":")
	switch {
	case rule == "":
		return Directive{}, malformed(rng, "An ignore names the rule it suppresses, such as aigate:ignore:AIG201.")
	case rule == "*":
		return Directive{}, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Ignore refused", Subject: rng.Ptr(),
			Detail: "aigate:ignore:* would hide every finding of every rule, present and future, so it suppresses nothing; name the rule, such as aigate:ignore:AIG201."}
	case strings.Contains(rule, ","):
		return Directive{}, malformed(rng, fmt.Sprintf("An ignore names one rule; write one per rule: aigate:ignore:%s.",
			strings.Join(strings.Split(rule, ","), " aigate:ignore:")))
	}
	d := Directive{Rule: strings.ToUpper(rule), Range: rng}
	if qualifier == "" {
		return d, nil
	}
	date, ok := strings.CutPrefix(qualifier, "exp:")
	if !ok {
		return Directive{}, malformed(rng, fmt.Sprintf("%q is not an expiry: write the rule, then optionally :exp:YYYY-MM-DD, such as aigate:ignore:AIG201:exp:2026-12-31.", ":"+qualifier))
	}
	expires, err := time.Parse(dateLayout, date)
	if err != nil {
		return Directive{}, malformed(rng, fmt.Sprintf("The expiry %q is not a date written YYYY-MM-DD, such as 2026-12-31.", date))
	}
	d.Expires = expires
	return d, nil
}

func malformed(rng hcl.Range, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Malformed ignore", Detail: detail + " It suppresses nothing.", Subject: rng.Ptr()}
}

// reasonSeparator is the `--` that starts a directive's reason, a word of its own.
var reasonSeparator = regexp.MustCompile(`(?:^|\s)--(?:\s|$)`)

func splitReason(text string) (body, reason string) {
	loc := reasonSeparator.FindStringIndex(text)
	if loc == nil {
		return text, ""
	}
	return text[:loc[0]], strings.TrimSpace(text[loc[1]:])
}

type word struct {
	text  string
	start int
}

// fields splits text at white space like strings.Fields, keeping where each word starts.
func fields(text string) []word {
	var out []word
	for i := 0; i < len(text); {
		if isSpace(rune(text[i])) {
			i++
			continue
		}
		end := strings.IndexFunc(text[i:], isSpace)
		if end < 0 {
			end = len(text) - i
		}
		out = append(out, word{text: text[i : i+end], start: i})
		i += end
	}
	return out
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }
