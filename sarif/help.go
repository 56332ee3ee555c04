package sarif

import (
	"strings"

	"github.com/aigate-dev/aigate/checks"
)

// helpURIBase is where the rule pages live; docs/rules is generated from the rule metadata.
const helpURIBase = "https://github.com/aigate-dev/aigate/blob/main/docs/rules/"

// HelpURI is the address of a rule's documentation page, docs/rules/AIGnnn.md.
func HelpURI(id string) string {
	return helpURIBase + id + ".md"
}

// categories name the rule families by the hundreds digit of their IDs, as the catalog groups them.
var categories = map[byte]string{
	'1': "network",
	'2': "identity",
	'3': "data-protection",
	'4': "content-safety",
	'5': "monitoring",
	'9': "template-hygiene",
}

// Category is the family a rule ID belongs to, such as identity for AIG201; "" for an ID outside the
// catalog's numbering.
func Category(id string) string {
	digits, ok := strings.CutPrefix(id, "AIG")
	if !ok || len(digits) != 3 {
		return ""
	}
	return categories[digits[0]]
}

// HelpText is a rule's help as plain text: why it matters, how to fix it in each language, references.
func HelpText(rule *checks.Rule) string {
	var b strings.Builder
	b.WriteString(rule.Description + "\n\nHow to fix\n")
	for _, fix := range rule.Remediation.Fixes() {
		b.WriteString(fix.Language + ": " + fix.Text + "\n")
	}
	if len(rule.References) > 0 {
		b.WriteString("\nReferences\n")
		for _, ref := range rule.References {
			b.WriteString(ref + "\n")
		}
	}
	return b.String()
}

// HelpMarkdown is a rule's help as Markdown, what GitHub shows beside an alert; the rule's documentation
// page is made of it too.
func HelpMarkdown(rule *checks.Rule) string {
	var b strings.Builder
	b.WriteString(rule.Description + "\n\n## How to fix\n")
	for _, fix := range rule.Remediation.Fixes() {
		b.WriteString("\n**" + fix.Language + ":** " + fix.Text + "\n")
	}
	if len(rule.References) > 0 {
		b.WriteString("\n## References\n\n")
		for _, ref := range rule.References {
			b.WriteString("- " + markdownReference(ref) + "\n")
		}
	}
	return b.String()
}

// markdownReference makes an address a link; other references, such as a policy ID, stay text.
func markdownReference(ref string) string {
	if strings.HasPrefix(ref, "https://") || strings.HasPrefix(ref, "http://") {
		return "<" + ref + ">"
	}
	return ref
}
