package report

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func TestJSON(t *testing.T) {
	main := "/repo/infra/main.tf"
	withProperty := finding("AIG201", model.High, at(main, 3, 3, 3, 28), localAuthMessage)
	withProperty.Property = "properties.disableLocalAuth"
	bicep := finding("AIG301", model.Medium, at("/repo/main.bicep", 7, 1, 12, 2), "no <cmk> & more")
	bicep.Language, bicep.Resource = model.Bicep, "acct"
	tests := []struct {
		name   string
		report Report
		want   string
	}{
		{
			name: "findings, errors and stats",
			report: Report{
				Findings: []model.Finding{
					withProperty,
					uncertain(finding("AIG101", model.Critical, at(main, 4, 3, 4, 40), "may be public")),
					bicep,
				},
				Diagnostics: hcl.Diagnostics{
					{Severity: hcl.DiagWarning, Summary: "Remote module skipped", Subject: new(at(main, 9, 1, 9, 15))},
					{Severity: hcl.DiagError, Summary: "Cannot read var file", Detail: "open prod.tfvars: no such file or directory"},
				},
				Notices: hcl.Diagnostics{
					{Severity: hcl.DiagWarning, Summary: "Unused ignore", Detail: "aigate:ignore:AIG201 suppresses nothing.", Subject: new(at(main, 2, 3, 2, 30))},
				},
				Files:      2,
				Resources:  3,
				Elapsed:    1500 * time.Millisecond,
				Suppressed: 2,
				Baselined:  1,
			},
			want: `{
  "version": 1,
  "findings": [
    {
      "rule": "AIG201",
      "name": "ai-account-local-auth",
      "severity": "high",
      "confidence": "known",
      "file": "infra/main.tf",
      "startLine": 3,
      "startColumn": 3,
      "endLine": 3,
      "endColumn": 28,
      "resource": "azurerm_cognitive_account.oai",
      "property": "properties.disableLocalAuth",
      "message": "` + localAuthMessage + `",
      "language": "terraform"
    },
    {
      "rule": "AIG101",
      "name": "ai-account-public-network",
      "severity": "critical",
      "confidence": "unknown",
      "file": "infra/main.tf",
      "startLine": 4,
      "startColumn": 3,
      "endLine": 4,
      "endColumn": 40,
      "resource": "azurerm_cognitive_account.oai",
      "message": "may be public",
      "language": "terraform"
    },
    {
      "rule": "AIG301",
      "name": "ai-account-no-cmk",
      "severity": "medium",
      "confidence": "known",
      "file": "main.bicep",
      "startLine": 7,
      "startColumn": 1,
      "endLine": 12,
      "endColumn": 2,
      "resource": "acct",
      "message": "no <cmk> & more",
      "language": "bicep"
    }
  ],
  "errors": [
    {
      "severity": "error",
      "summary": "Cannot read var file",
      "detail": "open prod.tfvars: no such file or directory"
    },
    {
      "severity": "warning",
      "file": "infra/main.tf",
      "startLine": 9,
      "startColumn": 1,
      "endLine": 9,
      "endColumn": 15,
      "summary": "Remote module skipped"
    }
  ],
  "notices": [
    {
      "severity": "notice",
      "file": "infra/main.tf",
      "startLine": 2,
      "startColumn": 3,
      "endLine": 2,
      "endColumn": 30,
      "summary": "Unused ignore",
      "detail": "aigate:ignore:AIG201 suppresses nothing."
    }
  ],
  "stats": {
    "files": 2,
    "resources": 3,
    "findings": {
      "critical": 1,
      "high": 1,
      "medium": 1,
      "low": 0
    },
    "elapsedMs": 1500,
    "suppressed": 2,
    "baselined": 1
  }
}
`,
		},
		{
			name: "empty lists, not null",
			report: Report{
				Findings: []model.Finding{uncertain(finding("AIG101", model.High, at(main, 4, 3, 4, 40), "hidden"))},
				Unknown:  UnknownIgnore,
				Files:    1,
			},
			want: `{
  "version": 1,
  "findings": [],
  "errors": [],
  "notices": [],
  "stats": {
    "files": 1,
    "resources": 0,
    "findings": {
      "critical": 0,
      "high": 0,
      "medium": 0,
      "low": 0
    },
    "elapsedMs": 0,
    "suppressed": 0,
    "baselined": 0
  }
}
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			tt.report.Root = "/repo"
			if err := JSON(&b, tt.report); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("JSON() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestJSONKeepsMessagesWhole checks that a message survives as written: JSON readers get the original
// text, line breaks included, where line-oriented formats flatten it.
func TestJSONKeepsMessagesWhole(t *testing.T) {
	message := "first line\n  second \"quoted\" line"
	var b strings.Builder
	r := Report{Root: "/repo", Findings: []model.Finding{finding("AIG201", model.High, at("/repo/main.tf", 1, 1, 1, 2), message)}}
	if err := JSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc jsonReport
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Findings[0].Message; got != message {
		t.Errorf("message = %q, want %q", got, message)
	}
}
