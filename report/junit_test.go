package report

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func lookup(t *testing.T, ids ...string) []*checks.Rule {
	t.Helper()
	var rules []*checks.Rule
	for _, id := range ids {
		r, ok := checks.Builtin().Lookup(id)
		if !ok {
			t.Fatalf("no rule %s", id)
		}
		rules = append(rules, r)
	}
	return rules
}

func TestJUnit(t *testing.T) {
	main := "/repo/infra/main.tf"
	localAuth := finding("AIG201", model.High, at(main, 3, 3, 3, 28), localAuthMessage)
	localAuth.Property = "properties.disableLocalAuth"
	fix := lookup(t, "AIG201")[0].Remediation.Terraform
	tests := []struct {
		name   string
		report Report
		want   string
	}{
		{
			name: "a suite per rule, a case per resource checked, passing where nothing was found",
			report: Report{
				Rules: lookup(t, "AIG101", "AIG201", "AIG301"),
				Findings: []model.Finding{
					localAuth,
					uncertain(finding("AIG101", model.Critical, at(main, 4, 3, 4, 40), "may be public")),
					finding("AIG999", model.Low, at("/repo/main.bicep", 7, 1, 7, 2), "x < y & z"),
				},
				Diagnostics: hcl.Diagnostics{
					{Severity: hcl.DiagError, Summary: "Unclosed configuration block", Detail: "There is no closing brace.", Subject: new(at("/repo/broken.tf", 1, 45, 1, 46))},
					{Severity: hcl.DiagWarning, Summary: "Remote module skipped"},
				},
				Judged: []checks.Judged{
					{RuleID: "AIG201", Resource: "azurerm_cognitive_account.oai", Range: at(main, 1, 1, 1, 45)},
					{RuleID: "AIG301", Resource: "azurerm_cognitive_account.oai", Range: at(main, 1, 1, 1, 45)},
				},
				Elapsed: 80 * time.Millisecond,
			},
			want: `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="aigate" tests="6" failures="2" errors="1" skipped="2" time="0.080">
  <testsuite name="AIG101 ai-account-public-network" tests="1" failures="0" errors="0" skipped="1">
    <testcase name="azurerm_cognitive_account.oai" classname="infra/main.tf" file="infra/main.tf" line="4">
      <skipped message="may be public (confidence: unknown)"></skipped>
    </testcase>
  </testsuite>
  <testsuite name="AIG201 ai-account-local-auth" tests="1" failures="1" errors="0" skipped="0">
    <testcase name="azurerm_cognitive_account.oai" classname="infra/main.tf" file="infra/main.tf" line="3">
      <failure message="` + strings.ReplaceAll(localAuthMessage, "'", "&#39;") + `" type="high"><![CDATA[infra/main.tf:3:3: ` + localAuthMessage + `
resource: azurerm_cognitive_account.oai
property: properties.disableLocalAuth
how to fix: ` + fix + `]]></failure>
    </testcase>
  </testsuite>
  <testsuite name="AIG301 ai-account-no-cmk" tests="1" failures="0" errors="0" skipped="0">
    <testcase name="azurerm_cognitive_account.oai" classname="infra/main.tf" file="infra/main.tf" line="1"></testcase>
  </testsuite>
  <testsuite name="AIG999" tests="1" failures="1" errors="0" skipped="0">
    <testcase name="azurerm_cognitive_account.oai" classname="main.bicep" file="main.bicep" line="7">
      <failure message="x &lt; y &amp; z" type="low"><![CDATA[main.bicep:7:1: x < y & z
resource: azurerm_cognitive_account.oai]]></failure>
    </testcase>
  </testsuite>
  <testsuite name="aigate" tests="2" failures="0" errors="1" skipped="1">
    <testcase name="Remote module skipped" classname="aigate">
      <skipped message="Remote module skipped"></skipped>
    </testcase>
    <testcase name="Unclosed configuration block" classname="broken.tf" file="broken.tf" line="1">
      <error message="Unclosed configuration block: There is no closing brace." type="error"><![CDATA[broken.tf:1:45: Unclosed configuration block: There is no closing brace.]]></error>
    </testcase>
  </testsuite>
</testsuites>
`,
		},
		{
			name: "uncertain fails when asked, and hides when ignored",
			report: Report{
				Rules: lookup(t, "AIG101"),
				Findings: []model.Finding{
					uncertain(finding("AIG101", model.Critical, at(main, 4, 3, 4, 40), "may be public")),
				},
				Unknown: UnknownFail,
			},
			want: `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="aigate" tests="1" failures="1" errors="0" skipped="0" time="0.000">
  <testsuite name="AIG101 ai-account-public-network" tests="1" failures="1" errors="0" skipped="0">
    <testcase name="azurerm_cognitive_account.oai" classname="infra/main.tf" file="infra/main.tf" line="4">
      <failure message="may be public (confidence: unknown)" type="critical"><![CDATA[infra/main.tf:4:3: may be public (confidence: unknown)
resource: azurerm_cognitive_account.oai
how to fix: ` + lookup(t, "AIG101")[0].Remediation.Terraform + `]]></failure>
    </testcase>
  </testsuite>
</testsuites>
`,
		},
		{
			name: "hidden uncertain leaves the rule passing",
			report: Report{
				Rules: lookup(t, "AIG101"),
				Findings: []model.Finding{
					uncertain(finding("AIG101", model.Critical, at(main, 4, 3, 4, 40), "may be public")),
				},
				Judged:  []checks.Judged{{RuleID: "AIG101", Resource: "azurerm_cognitive_account.oai", Range: at(main, 1, 1, 1, 45)}},
				Unknown: UnknownIgnore,
			},
			want: `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="aigate" tests="1" failures="0" errors="0" skipped="0" time="0.000">
  <testsuite name="AIG101 ai-account-public-network" tests="1" failures="0" errors="0" skipped="0">
    <testcase name="azurerm_cognitive_account.oai" classname="infra/main.tf" file="infra/main.tf" line="1"></testcase>
  </testsuite>
</testsuites>
`,
		},
		{
			name:   "a rule that looked at no resource",
			report: Report{Rules: lookup(t, "AIG101")},
			want: `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="aigate" tests="1" failures="0" errors="0" skipped="0" time="0.000">
  <testsuite name="AIG101 ai-account-public-network" tests="1" failures="0" errors="0" skipped="0">
    <testcase name="no resources" classname="AIG101"></testcase>
  </testsuite>
</testsuites>
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			tt.report.Root = "/repo"
			if err := JUnit(&b, tt.report); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("JUnit() mismatch (-want +got):\n%s", diff)
			}
			if err := xml.Unmarshal([]byte(b.String()), new(junitSuites)); err != nil {
				t.Errorf("JUnit() output does not parse: %v", err)
			}
		})
	}
}

// TestJUnitEveryRuleByDefault: without a rule list, every rule ran and has a suite.
func TestJUnitEveryRuleByDefault(t *testing.T) {
	var b strings.Builder
	if err := JUnit(&b, Report{Root: "/repo"}); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for _, s := range doc.Suites {
		got = append(got, s.Name)
	}
	for _, r := range checks.Builtin().Rules() {
		want = append(want, r.ID+" "+r.Name)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("suites mismatch (-want +got):\n%s", diff)
	}
}

// TestJUnitTextSurvivesCDATA: a message that closes a CDATA section of its own still reads back whole.
func TestJUnitTextSurvivesCDATA(t *testing.T) {
	message := "odd ]]> text <x> & \"q\""
	var b strings.Builder
	r := Report{Root: "/repo", Rules: lookup(t, "AIG201"), Findings: []model.Finding{finding("AIG201", model.High, at("/repo/main.tf", 1, 1, 1, 2), message)}}
	if err := JUnit(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	failure := doc.Suites[0].Cases[0].Failure
	if failure == nil || failure.Message != message || !strings.HasPrefix(failure.Text, "main.tf:1:1: "+message+"\n") {
		t.Errorf("failure = %+v, want the message %q whole", failure, message)
	}
}
