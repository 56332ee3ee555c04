package report

import (
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func TestGitHub(t *testing.T) {
	main := "/repo/infra/main.tf"
	tests := []struct {
		name   string
		report Report
		want   string
	}{
		{
			name: "severity commands",
			report: Report{Findings: []model.Finding{
				finding("AIG101", model.Critical, at(main, 2, 3, 2, 40), "critical message"),
				finding("AIG201", model.High, at(main, 3, 3, 3, 28), localAuthMessage),
				finding("AIG301", model.Medium, at(main, 4, 5, 6, 2), "medium message"),
				finding("AIG999", model.Low, at(main, 7, 1, 7, 2), "low message"),
			}},
			want: "::error file=infra/main.tf,line=2,endLine=2,col=3,endColumn=40,title=AIG101 ai-account-public-network::critical message\n" +
				"::error file=infra/main.tf,line=3,endLine=3,col=3,endColumn=28,title=AIG201 ai-account-local-auth::" + localAuthMessage + "\n" +
				"::warning file=infra/main.tf,line=4,endLine=6,col=5,endColumn=2,title=AIG301 ai-account-no-cmk::medium message\n" +
				"::notice file=infra/main.tf,line=7,endLine=7,col=1,endColumn=2,title=AIG999::low message\n",
		},
		{
			name: "uncertain warns by default",
			report: Report{Findings: []model.Finding{
				uncertain(finding("AIG101", model.Critical, at(main, 4, 3, 4, 40), "may be public")),
			}},
			want: "::warning file=infra/main.tf,line=4,endLine=4,col=3,endColumn=40,title=AIG101 ai-account-public-network::may be public (confidence: unknown)\n",
		},
		{
			name: "uncertain hidden when ignored",
			report: Report{Unknown: UnknownIgnore, Findings: []model.Finding{
				uncertain(finding("AIG101", model.Critical, at(main, 4, 3, 4, 40), "may be public")),
			}},
			want: "",
		},
		{
			name: "diagnostics without a title, and without a file when they have none",
			report: Report{Diagnostics: hcl.Diagnostics{
				{Severity: hcl.DiagError, Summary: "Cannot read var file", Detail: "open prod.tfvars: no such file or directory"},
				{Severity: hcl.DiagWarning, Summary: "Remote module skipped", Subject: new(at(main, 9, 1, 9, 15))},
			}},
			want: "::error::Cannot read var file: open prod.tfvars: no such file or directory\n" +
				"::warning file=infra/main.tf,line=9,endLine=9,col=1,endColumn=15::Remote module skipped\n",
		},
		{
			name: "escaped file name and message",
			report: Report{Findings: []model.Finding{
				finding("AIG201", model.High, at("/repo/a,b:c%.tf", 1, 1, 1, 2), "100% sure:: really,\nyes"),
			}},
			want: "::error file=a%2Cb%3Ac%25.tf,line=1,endLine=1,col=1,endColumn=2,title=AIG201 ai-account-local-auth::100%25 sure:: really, yes\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			tt.report.Root = "/repo"
			if err := GitHub(&b, tt.report); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("GitHub() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWorkflowCommandEscaping(t *testing.T) {
	tests := []struct {
		in, wantData, wantProperty string
	}{
		{"plain", "plain", "plain"},
		{"50%", "50%25", "50%25"},
		{"%0A stays literal", "%250A stays literal", "%250A stays literal"},
		{"line\nbreak", "line%0Abreak", "line%0Abreak"},
		{"carriage\r\nreturn", "carriage%0D%0Areturn", "carriage%0D%0Areturn"},
		{"a:b", "a:b", "a%3Ab"},
		{"a::b", "a::b", "a%3A%3Ab"},
		{"a,b", "a,b", "a%2Cb"},
		{"title=x,line=9", "title=x,line=9", "title=x%2Cline=9"},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := escapeData(tt.in); got != tt.wantData {
				t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.wantData)
			}
			if got := escapeProperty(tt.in); got != tt.wantProperty {
				t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.wantProperty)
			}
		})
	}
}
