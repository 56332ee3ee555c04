package checks

import (
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// TestRunListsWhatEachRuleChecked runs every rule over a hardened account, an open one and a resource no
// rule reads: each rule lists both accounts in order, whether it found something or not, and nothing else.
func TestRunListsWhatEachRuleChecked(t *testing.T) {
	header := func(line int) hcl.Range {
		return hcl.Range{Filename: "main.bicep", Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line, Column: 9}}
	}
	hardened := &model.Resource{Type: aiAccountType, Address: "hardened", Range: header(1), Body: model.FromCty(cty.ObjectVal(map[string]cty.Value{
		"properties": cty.ObjectVal(map[string]cty.Value{
			"publicNetworkAccess": cty.StringVal("Disabled"),
			"disableLocalAuth":    cty.True,
			"encryption":          cty.ObjectVal(map[string]cty.Value{"keySource": cty.StringVal("Microsoft.KeyVault")}),
		}),
	}), header(1), model.Set)}
	open := &model.Resource{Type: aiAccountType, Address: "open", Range: header(10), Body: model.NewObject(header(10), model.Set)}
	other := &model.Resource{Type: "Microsoft.Network/privateEndpoints", Address: "pe", Range: header(20), Body: model.NewObject(header(20), model.Set)}

	findings, checked := Run(All(), []*model.Resource{hardened, open, other})
	var want []Checked
	for _, rule := range All() {
		want = append(want, Checked{RuleID: rule.ID, Resource: "hardened", Range: header(1)}, Checked{RuleID: rule.ID, Resource: "open", Range: header(10)})
	}
	if diff := cmp.Diff(want, checked); diff != "" {
		t.Errorf("checked (-want +got):\n%s", diff)
	}
	if len(findings) != len(All()) {
		t.Errorf("%d findings, want one per rule on the open account: %v", len(findings), findings)
	}
}

func TestFixes(t *testing.T) {
	got := Remediation{Terraform: "set a = false", ARM: `"a": false`}.Fixes()
	want := []Fix{{Language: "Terraform", Text: "set a = false"}, {Language: "ARM", Text: `"a": false`}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Fixes (-want +got):\n%s", diff)
	}
}
