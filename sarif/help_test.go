package sarif

import (
	"testing"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
)

func TestCategory(t *testing.T) {
	tests := []struct{ id, want string }{
		{"AIG101", "network"},
		{"AIG201", "identity"},
		{"AIG301", "data-protection"},
		{"AIG406", "content-safety"},
		{"AIG503", "monitoring"},
		{"AIG901", "template-hygiene"},
		{"AIG701", ""},
		{"AIG2011", ""},
		{"XYZ201", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Category(tt.id); got != tt.want {
			t.Errorf("Category(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestEveryRuleHasACategory(t *testing.T) {
	for _, r := range checks.Builtin().Rules() {
		if Category(r.ID) == "" {
			t.Errorf("%s has no category: give its hundreds a name in categories", r.ID)
		}
	}
}

var helpRule = &checks.Rule{
	ID:          "AIG201",
	Name:        "ai-account-local-auth",
	Severity:    model.High,
	Title:       "AI account accepts API keys",
	Description: "Keys are shared secrets.",
	Remediation: checks.Remediation{
		Terraform: "Set `local_auth_enabled = false`.",
		ARM:       "Set `\"disableLocalAuth\": true`.",
	},
	References: []string{"https://learn.microsoft.com/azure/ai-services/disable-local-auth", "Azure Policy 71ef260a"},
}

func TestHelpText(t *testing.T) {
	want := "Keys are shared secrets.\n\n" +
		"How to fix\n" +
		"Terraform: Set `local_auth_enabled = false`.\n" +
		"ARM: Set `\"disableLocalAuth\": true`.\n\n" +
		"References\n" +
		"https://learn.microsoft.com/azure/ai-services/disable-local-auth\n" +
		"Azure Policy 71ef260a\n"
	if diff := cmp.Diff(want, HelpText(helpRule)); diff != "" {
		t.Errorf("HelpText mismatch (-want +got):\n%s", diff)
	}
}

func TestHelpMarkdown(t *testing.T) {
	want := "Keys are shared secrets.\n\n" +
		"## How to fix\n\n" +
		"**Terraform:** Set `local_auth_enabled = false`.\n\n" +
		"**ARM:** Set `\"disableLocalAuth\": true`.\n\n" +
		"## References\n\n" +
		"- <https://learn.microsoft.com/azure/ai-services/disable-local-auth>\n" +
		"- Azure Policy 71ef260a\n"
	if diff := cmp.Diff(want, HelpMarkdown(helpRule)); diff != "" {
		t.Errorf("HelpMarkdown mismatch (-want +got):\n%s", diff)
	}
}

func TestHelpWithoutReferences(t *testing.T) {
	rule := *helpRule
	rule.References = nil
	want := "Keys are shared secrets.\n\n## How to fix\n\n**Terraform:** Set `local_auth_enabled = false`.\n\n**ARM:** Set `\"disableLocalAuth\": true`.\n"
	if diff := cmp.Diff(want, HelpMarkdown(&rule)); diff != "" {
		t.Errorf("HelpMarkdown mismatch (-want +got):\n%s", diff)
	}
}

func TestHelpURI(t *testing.T) {
	if got, want := HelpURI("AIG201"), "https://github.com/aigate-dev/aigate/blob/main/docs/rules/AIG201.md"; got != want {
		t.Errorf("HelpURI = %q, want %q", got, want)
	}
}
