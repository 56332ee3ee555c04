package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/sarif"
	"github.com/spf13/cobra"
)

// The rule pages in docs/rules are `aigate explain --format markdown` of each rule, and their index is
// `aigate rules --format markdown`; TestRuleDocs fails when they are stale.
//go:generate go test -run TestRuleDocs -update

func newRulesCommand(stdout io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			rules := checks.Builtin().Rules()
			switch format {
			case "text":
				return writeRulesTable(stdout, rules)
			case "json":
				return writeRulesJSON(stdout, rules)
			case "markdown":
				_, err := io.WriteString(stdout, rulesMarkdown(rules))
				return err
			}
			return usagef("unknown --format %q: want text, json or markdown", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or markdown")
	return cmd
}

func writeRulesTable(w io.Writer, rules []*checks.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tTITLE")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, r.Title)
	}
	return tw.Flush()
}

// rulesJSONVersion is the version of the catalog's JSON schema; like the scan's, it changes only when a
// reader of the previous version would misread the output.
const rulesJSONVersion = 1

type rulesJSON struct {
	Version int        `json:"version"`
	Rules   []ruleJSON `json:"rules"`
}

type ruleJSON struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Severity    string          `json:"severity"`
	Category    string          `json:"category,omitempty"`
	Title       string          `json:"title"`
	Description string          `json:"description"`
	Remediation remediationJSON `json:"remediation"`
	References  []string        `json:"references"`
	HelpURI     string          `json:"helpUri"`
}

type remediationJSON struct {
	Terraform string `json:"terraform,omitempty"`
	Bicep     string `json:"bicep,omitempty"`
	ARM       string `json:"arm,omitempty"`
}

func writeRulesJSON(w io.Writer, rules []*checks.Rule) error {
	doc := rulesJSON{Version: rulesJSONVersion, Rules: []ruleJSON{}}
	for _, r := range rules {
		doc.Rules = append(doc.Rules, ruleJSON{
			ID:          r.ID,
			Name:        r.Name,
			Severity:    r.Severity.String(),
			Category:    sarif.Category(r.ID),
			Title:       r.Title,
			Description: r.Description,
			Remediation: remediationJSON{Terraform: r.Remediation.Terraform, Bicep: r.Remediation.Bicep, ARM: r.Remediation.ARM},
			References:  append([]string{}, r.References...),
			HelpURI:     sarif.HelpURI(r.ID),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// rulesMarkdown is the catalog as a Markdown table, each rule linked to its page.
func rulesMarkdown(rules []*checks.Rule) string {
	var b strings.Builder
	b.WriteString("# aigate rules\n\n| ID | Name | Severity | Category | Fails when |\n|---|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](%s) | `%s` | %s | %s | %s |\n",
			r.ID, sarif.HelpURI(r.ID), r.Name, r.Severity, sarif.Category(r.ID), markdownCell(r.Title))
	}
	return b.String()
}

// rulePage is a rule's documentation page: what code scanning links to from every alert of the rule.
func rulePage(r *checks.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n| ID | Name | Severity | Category |\n|---|---|---|---|\n| %s | `%s` | %s | %s |\n\n",
		r.ID, r.Title, r.ID, r.Name, r.Severity, sarif.Category(r.ID))
	b.WriteString(sarif.HelpMarkdown(r))
	return b.String()
}

// markdownCell keeps a pipe in text from ending a table cell.
func markdownCell(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}

func newExplainCommand(stdout io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a rule: the risk and how to fix it in Terraform, Bicep and ARM",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			r, ok := checks.Builtin().Lookup(args[0])
			if !ok {
				return usagef("unknown rule %q (aigate rules lists them)", args[0])
			}
			var text string
			switch format {
			case "text":
				text = explanation(r)
			case "markdown":
				text = rulePage(r)
			default:
				return usagef("unknown --format %q: want text or markdown", format)
			}
			_, err := io.WriteString(stdout, text)
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or markdown")
	return cmd
}

func explanation(r *checks.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (%s)\n%s\n\n%s\n", r.ID, r.Name, r.Severity, r.Title, r.Description)
	b.WriteString("\nHow to fix\n")
	for _, fix := range r.Remediation.Fixes() {
		fmt.Fprintf(&b, "  %s: %s\n", fix.Language, fix.Text)
	}
	if len(r.References) > 0 {
		b.WriteString("\nReferences\n")
		for _, ref := range r.References {
			fmt.Fprintf(&b, "  %s\n", ref)
		}
	}
	return b.String()
}
