package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/spf13/cobra"
)

func newRulesCommand(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List the rules",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tTITLE")
			for _, r := range checks.All() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, r.Title)
			}
			return tw.Flush()
		},
	}
}

func newExplainCommand(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a rule: the risk and how to fix it in Terraform, Bicep and ARM",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			r, ok := checks.Lookup(args[0])
			if !ok {
				return usagef("unknown rule %q (aigate rules lists them)", args[0])
			}
			_, err := io.WriteString(stdout, explanation(r))
			return err
		},
	}
}

func explanation(r *checks.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (%s)\n%s\n\n%s\n", r.ID, r.Name, r.Severity, r.Title, r.Description)
	b.WriteString("\nHow to fix\n")
	for _, l := range []model.Language{model.Terraform, model.Bicep, model.ARM} {
		if fix := r.Remediation.For(l); fix != "" {
			fmt.Fprintf(&b, "  %s: %s\n", languageName(l), fix)
		}
	}
	if len(r.References) > 0 {
		b.WriteString("\nReferences\n")
		for _, ref := range r.References {
			fmt.Fprintf(&b, "  %s\n", ref)
		}
	}
	return b.String()
}

func languageName(l model.Language) string {
	switch l {
	case model.Bicep:
		return "Bicep"
	case model.ARM:
		return "ARM"
	}
	return "Terraform"
}
