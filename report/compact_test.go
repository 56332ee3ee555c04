package report

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

const (
	localAuthMessage = "Azure OpenAI account 'oai' accepts API keys (local_auth_enabled = true); set local_auth_enabled = false"
	unknownMessage   = "Azure OpenAI account 'oai' may accept API keys (local_auth_enabled is unknown until deployment (it comes from var.keys)); set local_auth_enabled = false"
)

func TestCompact(t *testing.T) {
	main := "/repo/infra/main.tf"
	tests := []struct {
		name   string
		report Report
		want   string
	}{
		{
			name: "severity words",
			report: Report{Findings: []model.Finding{
				finding("AIG101", model.Critical, at(main, 2, 3, 2, 40), "critical message"),
				finding("AIG201", model.High, at(main, 3, 3, 3, 28), localAuthMessage),
				finding("AIG301", model.Medium, at(main, 4, 5, 4, 9), "medium message"),
				finding("AIG999", model.Low, at(main, 5, 1, 5, 2), "low message"),
			}},
			want: "infra/main.tf:2:3: error: critical message [AIG101]\n" +
				"infra/main.tf:3:3: error: " + localAuthMessage + " [AIG201]\n" +
				"infra/main.tf:4:5: warning: medium message [AIG301]\n" +
				"infra/main.tf:5:1: notice: low message [AIG999]\n",
		},
		{
			name: "paths relative to root, outside root as given",
			report: Report{Findings: []model.Finding{
				finding("AIG201", model.High, at("./net.tf", 1, 1, 1, 9), "relative"),
				finding("AIG201", model.High, at("/elsewhere/main.tf", 1, 1, 1, 9), "outside"),
			}},
			want: "/elsewhere/main.tf:1:1: error: outside [AIG201]\n" +
				"net.tf:1:1: error: relative [AIG201]\n",
		},
		{
			name: "multi-line message flattened",
			report: Report{Findings: []model.Finding{
				finding("AIG201", model.High, at(main, 3, 3, 3, 28), "first line\n  second line"),
			}},
			want: "infra/main.tf:3:3: error: first line second line [AIG201]\n",
		},
		{
			name: "uncertain hidden when ignored",
			report: Report{Unknown: UnknownIgnore, Findings: []model.Finding{
				finding("AIG201", model.High, at(main, 3, 3, 3, 28), localAuthMessage),
				uncertain(finding("AIG101", model.High, at(main, 4, 3, 4, 40), "public network access may be on")),
			}},
			want: "infra/main.tf:3:3: error: " + localAuthMessage + " [AIG201]\n",
		},
		{
			name: "uncertain warns by default",
			report: Report{Findings: []model.Finding{
				uncertain(finding("AIG101", model.High, at(main, 4, 3, 4, 40), "public network access may be on")),
				uncertain(finding("AIG201", model.High, at(main, 5, 3, 5, 30), unknownMessage)),
			}},
			want: "infra/main.tf:4:3: warning: public network access may be on (confidence: unknown) [AIG101]\n" +
				"infra/main.tf:5:3: warning: " + unknownMessage + " (confidence: unknown) [AIG201]\n",
		},
		{
			name: "uncertain keeps its severity when it fails",
			report: Report{Unknown: UnknownFail, Findings: []model.Finding{
				uncertain(finding("AIG101", model.High, at(main, 4, 3, 4, 40), "public network access may be on")),
				uncertain(finding("AIG301", model.Medium, at(main, 5, 3, 5, 30), unknownMessage)),
			}},
			want: "infra/main.tf:4:3: error: public network access may be on (confidence: unknown) [AIG101]\n" +
				"infra/main.tf:5:3: warning: " + unknownMessage + " (confidence: unknown) [AIG301]\n",
		},
		{
			name: "diagnostics among findings",
			report: Report{
				Findings: []model.Finding{
					finding("AIG201", model.High, at(main, 3, 3, 3, 28), localAuthMessage),
				},
				Diagnostics: hcl.Diagnostics{
					{Severity: hcl.DiagWarning, Summary: "Remote module skipped", Detail: `Module "net" comes from git::https://example.com/net.git, which is not downloaded.`, Subject: new(at(main, 9, 1, 9, 15))},
					{Severity: hcl.DiagError, Summary: "Missing newline after argument", Detail: "An argument definition must end with a newline.", Subject: new(at("/repo/broken.tf", 3, 16, 3, 17))},
					{Severity: hcl.DiagError, Summary: "Argument or block definition required", Subject: new(at(main, 3, 3, 3, 4))},
					{Severity: hcl.DiagError, Summary: "Cannot read var file", Detail: "open prod.tfvars: no such file or directory"},
				},
			},
			want: "aigate: error: Cannot read var file: open prod.tfvars: no such file or directory\n" +
				"broken.tf:3:16: error: Missing newline after argument: An argument definition must end with a newline.\n" +
				"infra/main.tf:3:3: error: Argument or block definition required\n" +
				"infra/main.tf:3:3: error: " + localAuthMessage + " [AIG201]\n" +
				`infra/main.tf:9:1: warning: Remote module skipped: Module "net" comes from git::https://example.com/net.git, which is not downloaded.` + "\n",
		},
		{
			name:   "nothing to say",
			report: Report{Files: 3, Resources: 7},
			want:   "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			tt.report.Root = "/repo"
			if err := Compact(&b, tt.report); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("Compact() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCompactMatchesProblemMatcher feeds compact output through the regexp the repository ships for
// GitHub Actions and VS Code, so the format and the matcher cannot drift apart.
func TestCompactMatchesProblemMatcher(t *testing.T) {
	raw, err := os.ReadFile("../.github/aigate-problem-matcher.json")
	if err != nil {
		t.Fatal(err)
	}
	var matcher struct {
		ProblemMatcher []struct {
			Owner   string
			Pattern []struct {
				Regexp                                      string
				File, Line, Column, Severity, Message, Code int
			}
		}
	}
	if err := json.Unmarshal(raw, &matcher); err != nil {
		t.Fatalf("problem matcher: %v", err)
	}
	if len(matcher.ProblemMatcher) != 1 || len(matcher.ProblemMatcher[0].Pattern) != 1 {
		t.Fatalf("problem matcher: want one matcher with one pattern, got %+v", matcher)
	}
	if owner := matcher.ProblemMatcher[0].Owner; owner != "aigate" {
		t.Errorf("owner = %q, want aigate", owner)
	}
	pattern := matcher.ProblemMatcher[0].Pattern[0]
	rx := regexp.MustCompile(pattern.Regexp)

	report := Report{
		Findings: []model.Finding{
			finding("AIG201", model.High, at("/repo/infra/openai.tf", 14, 3, 14, 28), localAuthMessage),
			finding("AIG301", model.Medium, at("/repo/infra/openai.tf", 20, 5, 20, 9), "key [brackets] and: colons"),
			finding("AIG999", model.Low, at("/repo/main.bicep", 7, 1, 7, 2), "low"),
			uncertain(finding("AIG101", model.Critical, at("/repo/main.bicep", 9, 3, 9, 9), "may be public")),
		},
		Diagnostics: hcl.Diagnostics{
			{Severity: hcl.DiagError, Summary: "Unclosed configuration block", Detail: "There is no closing brace.", Subject: new(at("/repo/broken.tf", 1, 45, 1, 46))},
		},
	}
	var out strings.Builder
	report.Root = "/repo"
	if err := Compact(&out, report); err != nil {
		t.Fatal(err)
	}
	type match struct{ File, Line, Column, Severity, Message, Code string }
	want := []match{
		{"broken.tf", "1", "45", "error", "Unclosed configuration block: There is no closing brace.", ""},
		{"infra/openai.tf", "14", "3", "error", localAuthMessage, "AIG201"},
		{"infra/openai.tf", "20", "5", "warning", "key [brackets] and: colons", "AIG301"},
		{"main.bicep", "7", "1", "notice", "low", "AIG999"},
		{"main.bicep", "9", "3", "warning", "may be public (confidence: unknown)", "AIG101"},
	}
	var got []match
	for line := range strings.Lines(out.String()) {
		line = strings.TrimSuffix(line, "\n")
		m := rx.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("problem matcher does not match %q", line)
			continue
		}
		got = append(got, match{
			File: m[pattern.File], Line: m[pattern.Line], Column: m[pattern.Column],
			Severity: m[pattern.Severity], Message: m[pattern.Message], Code: m[pattern.Code],
		})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problem matcher groups mismatch (-want +got):\n%s", diff)
	}
}
