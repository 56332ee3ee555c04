package report

import (
	"strings"
	"testing"
	"time"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

const mainTF = `resource "azurerm_cognitive_account" "oai" {
  kind               = "OpenAI"
  local_auth_enabled = true
	public_network_access_enabled = var.public
  custom_subdomain_name = "oai"
}
`

func TestText(t *testing.T) {
	main := "/repo/infra/main.tf"
	sources := map[string][]byte{main: []byte(mainTF)}
	tests := []struct {
		name   string
		report Report
		color  bool
		want   string
	}{
		{
			name: "grouped by file with quoted source",
			report: Report{
				Findings: []model.Finding{
					finding("AIG201", model.High, at(main, 3, 3, 3, 28), localAuthMessage),
					finding("AIG301", model.Medium, at(main, 1, 1, 6, 2), "Azure OpenAI account 'oai' is not encrypted with a customer-managed key"),
					finding("AIG999", model.Low, at("/repo/main.bicep", 12, 3, 12, 9), "a rule from elsewhere"),
				},
				Sources:   sources,
				Files:     12,
				Resources: 41,
				Elapsed:   80 * time.Millisecond,
			},
			want: `infra/main.tf
  1:1  MEDIUM  AIG301 ai-account-no-cmk  Azure OpenAI account 'oai' is not encrypted with a customer-managed key
    in azurerm_cognitive_account.oai
    1 | resource "azurerm_cognitive_account" "oai" {
      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  3:3  HIGH  AIG201 ai-account-local-auth  ` + localAuthMessage + `
    in azurerm_cognitive_account.oai
    3 |   local_auth_enabled = true
      |   ^~~~~~~~~~~~~~~~~~~~~~~~~

main.bicep
  12:3  LOW  AIG999  a rule from elsewhere
    in azurerm_cognitive_account.oai

1 high, 1 medium, 1 low in 12 files (41 resources) — 0.08s
`,
		},
		{
			name: "tabs expanded under and above the underline",
			report: Report{
				Findings: []model.Finding{
					uncertain(finding("AIG101", model.High, at(main, 4, 2, 4, 44), "Azure OpenAI account 'oai' may accept traffic from the internet")),
				},
				Sources:   sources,
				Files:     1,
				Resources: 1,
				Elapsed:   1234 * time.Millisecond,
			},
			want: `infra/main.tf
  4:2  HIGH  AIG101 ai-account-public-network  Azure OpenAI account 'oai' may accept traffic from the internet (confidence: unknown)
    in azurerm_cognitive_account.oai
    4 |     public_network_access_enabled = var.public
      |     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
` + "\n1 unknown in 1 file (1 resource) — 1.23s\n",
		},
		{
			name: "uncertain hidden and uncounted when ignored",
			report: Report{
				Findings: []model.Finding{
					uncertain(finding("AIG101", model.High, at(main, 4, 2, 4, 44), "may be public")),
				},
				Unknown:   UnknownIgnore,
				Sources:   sources,
				Files:     1,
				Resources: 1,
			},
			want: "no findings in 1 file (1 resource) — 0.00s\n",
		},
		{
			name: "uncertain counted apart when it fails",
			report: Report{
				Findings: []model.Finding{
					finding("AIG201", model.High, at(main, 3, 3, 3, 28), localAuthMessage),
					uncertain(finding("AIG101", model.High, at(main, 4, 2, 4, 44), unknownMessage)),
				},
				Unknown: UnknownFail,
				Files:   2,
			},
			want: `infra/main.tf
  3:3  HIGH  AIG201 ai-account-local-auth  ` + localAuthMessage + `
    in azurerm_cognitive_account.oai
  4:2  HIGH  AIG101 ai-account-public-network  ` + unknownMessage + ` (confidence: unknown)
    in azurerm_cognitive_account.oai

1 high, 1 unknown in 2 files (0 resources) — 0.00s
`,
		},
		{
			name: "diagnostics listed the same way",
			report: Report{
				Diagnostics: hcl.Diagnostics{
					{Severity: hcl.DiagError, Summary: "Cannot read var file", Detail: "open prod.tfvars: no such file or directory"},
					{Severity: hcl.DiagError, Summary: "Unsupported argument", Detail: `An argument named "kindd" is not expected here.`, Subject: new(at(main, 2, 3, 2, 8))},
					{Severity: hcl.DiagWarning, Summary: "Remote module skipped", Subject: new(at(main, 40, 1, 40, 9))},
				},
				Sources: sources,
				Files:   1,
			},
			want: `aigate: error: Cannot read var file: open prod.tfvars: no such file or directory

infra/main.tf
  2:3  ERROR  Unsupported argument: An argument named "kindd" is not expected here.
    2 |   kind               = "OpenAI"
      |   ^~~~~
  40:1  WARNING  Remote module skipped

no findings in 1 file (0 resources); 2 errors, 1 warning — 0.00s
`,
		},
		{
			name: "colour",
			report: Report{
				Findings: []model.Finding{
					finding("AIG201", model.Critical, at(main, 3, 3, 3, 28), "keys"),
				},
				Sources:   sources,
				Files:     1,
				Resources: 1,
			},
			color: true,
			want: "\x1b[1minfra/main.tf\x1b[0m\n" +
				"  3:3  \x1b[1;31mCRITICAL\x1b[0m  AIG201 ai-account-local-auth  keys\n" +
				"\x1b[2m    in azurerm_cognitive_account.oai\x1b[0m\n" +
				"    3 |   local_auth_enabled = true\n" +
				"      | \x1b[1;31m  ^~~~~~~~~~~~~~~~~~~~~~~~~\x1b[0m\n" +
				"\n" +
				"\x1b[1m1 critical in 1 file (1 resource) — 0.00s\x1b[0m\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			tt.report.Root = "/repo"
			if err := Text(&b, tt.report, tt.color); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("Text() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuoteClipsRangesToTheLine(t *testing.T) {
	tests := []struct {
		name string
		src  string
		rng  hcl.Range
		want string
	}{
		{"empty range gets one caret", "  kind = x", at("f", 7, 3, 7, 3), "    7 |   kind = x\n      |   ^\n"},
		{"range past the end of the line", "ab", at("f", 7, 2, 7, 40), "    7 | ab\n      |  ^\n"},
		{"start past the end of the line", "ab", at("f", 7, 9, 7, 12), "    7 | ab\n      |   ^\n"},
		{"multi-line range to the end of the first line", "body = {", at("f", 7, 1, 9, 2), "    7 | body = {\n      | ^~~~~~~~\n"},
		{"wide line numbers keep the gutters aligned", "x = 1", at("f", 1234, 1, 1234, 2), "    1234 | x = 1\n         | ^\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			quote(&b, painter(false), "", tt.src, tt.rng)
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("quote mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
