package checks

import (
	"errors"
	"fmt"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func header(file string, line int) hcl.Range {
	return hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line, Column: 9}}
}

// TestRunListsWhatEachRuleJudged runs every rule over a hardened account, an open one and a resource no
// rule reads: each rule lists both accounts in order, whether it found something or not, and nothing else.
func TestRunListsWhatEachRuleJudged(t *testing.T) {
	hardened := &model.Resource{Type: aiAccountType, Address: "hardened", Range: header("main.bicep", 1), Body: model.FromCty(cty.ObjectVal(map[string]cty.Value{
		"properties": cty.ObjectVal(map[string]cty.Value{
			"publicNetworkAccess": cty.StringVal("Disabled"),
			"disableLocalAuth":    cty.True,
			"encryption":          cty.ObjectVal(map[string]cty.Value{"keySource": cty.StringVal("Microsoft.KeyVault")}),
		}),
	}), header("main.bicep", 1), model.Set)}
	open := &model.Resource{Type: aiAccountType, Address: "open", Range: header("main.bicep", 10), Body: model.NewObject(header("main.bicep", 10), model.Set)}
	other := &model.Resource{Type: privateEndpointType, Address: "pe", Range: header("main.bicep", 20), Body: model.NewObject(header("main.bicep", 20), model.Set)}
	d := model.NewDeployment("main.bicep", model.Bicep, []*model.Resource{hardened, open, other}, nil)

	rules := Builtin().Rules()
	res := Run(rules, d, Settings{})
	var want []Judged
	for _, rule := range rules {
		want = append(want, Judged{RuleID: rule.ID, Deployment: "main.bicep", Resource: "hardened", Range: header("main.bicep", 1)},
			Judged{RuleID: rule.ID, Deployment: "main.bicep", Resource: "open", Range: header("main.bicep", 10)})
	}
	if diff := cmp.Diff(want, res.Judged); diff != "" {
		t.Errorf("judged (-want +got):\n%s", diff)
	}
	if len(res.Findings) != len(rules) {
		t.Errorf("%d findings, want one per rule on the open account: %v", len(res.Findings), res.Findings)
	}
}

const privateEndpointType = "Microsoft.Network/privateEndpoints"

// endpointStub is a rule of the shape AIG104 will take: for each account it looks up the private
// endpoints that connect to it.
var endpointStub = &Rule{
	ID: "AIG999", Name: "stub-private-endpoint", Severity: model.Medium,
	Run: func(p *Pass) error {
		for account := range p.Judge(aiAccountType) {
			j := p.Referrers(account, privateEndpointType, "properties.privateLinkServiceConnections[].properties.privateLinkServiceId")
			switch j.State {
			case model.None:
				p.Report(account, "", nil, "no private endpoint connects to %s", account.Address)
			case model.Maybe:
				p.ReportFinding(Report{Resource: account, Uncertain: true, Message: "a private endpoint may connect to " + account.Address})
			}
		}
		return nil
	},
}

// endpoint is a private endpoint whose connection's privateLinkServiceId is v.
func endpoint(address string, line int, v *model.Value) *model.Resource {
	conn := model.NewObject(v.Range, model.Set)
	conn.Set("properties.privateLinkServiceId", v)
	body := model.NewObject(header("main.tf", line), model.Set)
	body.Set("properties.privateLinkServiceConnections", model.NewList(v.Range, model.Set, conn))
	return &model.Resource{Type: privateEndpointType, Address: address, Range: header("main.tf", line), Body: body}
}

func account(address string, line int) *model.Resource {
	r := &model.Resource{Type: aiAccountType, Address: address, Range: header("main.tf", line), Body: model.NewObject(header("main.tf", line), model.Set)}
	r.ID = model.NewResourceID(aiAccountType, address)
	return r
}

// TestJoinsStayInTheirDeployment is issue 9's acceptance: a rule that looks up private endpoints for each
// account judges only the accounts, and sees only the endpoints of its own deployment.
func TestJoinsStayInTheirDeployment(t *testing.T) {
	ref := func(addr string, line int) *model.Value {
		return model.NewUnknown(header("main.tf", line), model.Ref{Kind: model.ResourceRef, Address: addr})
	}
	byID := func(id string, line int) *model.Value {
		return model.NewPrimitive(cty.StringVal(id), header("main.tf", line), model.Set)
	}
	unknownInput := model.NewUnknown(header("main.tf", 40), model.Ref{Kind: model.InputRef, Address: "var.target"})
	// Both roots declare an account "oai"; only the first connects an endpoint to it.
	first := model.NewDeployment("infra/a", model.Terraform, []*model.Resource{
		account("oai", 1), account("other", 5),
		endpoint("pe_symbolic", 10, ref("oai", 11)),
		endpoint("pe_by_id", 20, byID("/subscriptions/s/resourceGroups/rg/providers/microsoft.cognitiveservices/ACCOUNTS/other", 21)),
	}, nil)
	second := model.NewDeployment("infra/b", model.Terraform, []*model.Resource{
		account("oai", 1), account("guessed", 5), endpoint("pe_unknown", 40, unknownInput),
	}, nil)
	catalog, err := Builtin().With(endpointStub)
	if err != nil {
		t.Fatal(err)
	}
	stub, _ := catalog.Lookup("stub-private-endpoint")
	var got []string
	for _, d := range []*model.Deployment{first, second} {
		res := Run([]*Rule{stub}, d, Settings{})
		for _, j := range res.Judged {
			got = append(got, fmt.Sprintf("judged %s %s", j.Deployment, j.Resource))
		}
		for _, f := range res.Findings {
			got = append(got, fmt.Sprintf("finding %s %s %s", f.Deployment, f.Confidence, f.Message))
		}
	}
	want := []string{
		"judged infra/a oai", "judged infra/a other",
		"judged infra/b oai", "judged infra/b guessed",
		"finding infra/b unknown a private endpoint may connect to oai",
		"finding infra/b unknown a private endpoint may connect to guessed",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestRuleErrorsAreContained runs a rule that fails and one that panics beside a good one: both are
// reported as errors of their own and the good rule's findings stay.
func TestRuleErrorsAreContained(t *testing.T) {
	failing := &Rule{ID: "AIG997", Name: "fails", Run: func(*Pass) error { return errors.New("bad setting") }}
	panicking := &Rule{ID: "AIG998", Name: "panics", Run: func(p *Pass) error {
		p.ReportFinding(Report{Message: "no subject"})
		return nil
	}}
	good, _ := Builtin().Lookup("AIG201")
	d := model.NewDeployment("main.tf", model.Terraform, []*model.Resource{account("oai", 1)}, nil)
	res := Run([]*Rule{failing, panicking, good}, d, Settings{})
	if len(res.Errors) != 2 || res.Errors[0].RuleID != "AIG997" || res.Errors[1].RuleID != "AIG998" {
		t.Errorf("errors = %v, want one for AIG997 and one for AIG998", res.Errors)
	}
	if len(res.Findings) != 1 || res.Findings[0].RuleID != "AIG201" {
		t.Errorf("findings = %v, want AIG201's alone", res.Findings)
	}
}

func TestReportOverridesAndOutputs(t *testing.T) {
	out := &model.Output{Name: "key", Address: "output.key", Range: header("outputs.tf", 3), Language: model.Terraform}
	rule := &Rule{ID: "AIG305", Name: "x", Severity: model.Medium, Run: func(p *Pass) error {
		for _, o := range p.Outputs() {
			p.ReportFinding(Report{Output: o, Severity: model.High, Message: "exposes a key",
				Related: []model.Related{{Range: header("main.tf", 1), Message: "the account"}}})
		}
		return nil
	}}
	res := Run([]*Rule{rule}, model.NewDeployment("infra", model.Terraform, nil, []*model.Output{out}), Settings{})
	if len(res.Findings) != 1 {
		t.Fatalf("findings = %v", res.Findings)
	}
	f := res.Findings[0]
	if f.Severity != model.High || f.Resource != "output.key" || f.Range != out.Range || len(f.Related) != 1 || f.Deployment != "infra" {
		t.Errorf("finding = %+v", f)
	}
}

func TestCatalog(t *testing.T) {
	if _, err := NewCatalog(&Rule{ID: "AIG101", Name: "a"}, &Rule{ID: "aig101", Name: "b"}); err == nil {
		t.Error("two rules with one ID were accepted")
	}
	if _, err := NewCatalog(&Rule{ID: "AIG101", Name: "a"}, &Rule{ID: "AIG102", Name: "A"}); err == nil {
		t.Error("two rules with one name were accepted")
	}
	c := Builtin()
	if r, ok := c.Lookup("ai-account-local-auth"); !ok || r.ID != "AIG201" {
		t.Errorf("lookup by name = %v, %v", r, ok)
	}
	if r, ok := c.Lookup("aig201"); !ok || r.ID != "AIG201" {
		t.Errorf("lookup by ID = %v, %v", r, ok)
	}
	more, err := c.With(endpointStub)
	if err != nil || len(more.Rules()) != len(c.Rules())+1 || len(Builtin().Rules()) != len(c.Rules()) {
		t.Errorf("With: %v; a catalog's rules must not change the built-in ones", err)
	}
}

func TestFixes(t *testing.T) {
	got := Remediation{Terraform: "set a = false", ARM: `"a": false`}.Fixes()
	want := []Fix{{Language: "Terraform", Text: "set a = false"}, {Language: "ARM", Text: `"a": false`}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Fixes (-want +got):\n%s", diff)
	}
}
