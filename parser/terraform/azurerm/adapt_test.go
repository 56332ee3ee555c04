package azurerm

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func at(line int) hcl.Range {
	return hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: 3}, End: hcl.Pos{Line: line, Column: 9}}
}

func text(s string, line int) *model.Value {
	return model.NewPrimitive(cty.StringVal(s), at(line), model.Set)
}

func object(line int, fields ...model.Field) *model.Value {
	return model.NewObject(at(line), model.Set, fields...)
}

func field(name string, v *model.Value) model.Field { return model.Field{Name: name, Value: v} }

// describe renders a node as "JSON state line refs", the facts a test pins.
func describe(v *model.Value) string {
	if v == nil {
		return "absent"
	}
	var refs []string
	for _, r := range v.Refs {
		refs = append(refs, r.Address)
	}
	return fmt.Sprintf("%s %s %d %s", model.JSONText(v.Cty()), v.State, v.Range.Start.Line, strings.Join(refs, ","))
}

// TestAdaptValues feeds the interpreter values as a front end without syntax (a plan's JSON) would have
// them, and checks the ARM resource it builds: ranges, states and references included.
func TestAdaptValues(t *testing.T) {
	forEach := model.Ref{Kind: model.InputRef, Address: "var.cmk"}
	keys := model.Ref{Kind: model.InputRef, Address: "var.keys"}
	maybeCMK := model.NewObject(at(10), model.Unknown, field("key_vault_key_id", model.NewUnknown(at(11), forEach)))
	maybeCMK.Refs = []model.Ref{forEach}
	tests := []struct {
		name   string
		tfType string
		body   *model.Value
		want   map[string]string
	}{
		{
			name:   "absent arguments take the provider's default at the header",
			tfType: "azurerm_cognitive_account",
			body:   object(1, field("kind", text("OpenAI", 2))),
			want: map[string]string{
				"kind":                           `"OpenAI" set 2 `,
				"properties.disableLocalAuth":    `false defaulted 1 `,
				"properties.publicNetworkAccess": `"Enabled" defaulted 1 `,
				"properties.encryption":          "absent",
			},
		},
		{
			name:   "transforms keep the range of the argument and of each element",
			tfType: "azurerm_cognitive_account",
			body: object(1,
				field("local_auth_enabled", model.NewPrimitive(cty.StringVal("false"), at(2), model.Set)),
				field("network_acls", model.NewList(at(3), model.Set, object(3,
					field("default_action", text("Deny", 4)),
					field("ip_rules", model.NewList(at(5), model.Set, text("10.0.0.0/24", 6))),
				))),
			),
			want: map[string]string{
				"properties.disableLocalAuth":                `true set 2 `,
				"properties.networkAcls":                     `{"defaultAction":"Deny","ipRules":[{"value":"10.0.0.0/24"}]} set 3 `,
				"properties.networkAcls.defaultAction":       `"Deny" set 4 `,
				"properties.networkAcls.ipRules":             `[{"value":"10.0.0.0/24"}] set 5 `,
				"properties.networkAcls.bypass":              "absent",
				"properties.networkAcls.virtualNetworkRules": "absent",
			},
		},
		{
			name:   "an unknown argument stays unknown with its references",
			tfType: "azurerm_cognitive_account",
			body:   object(1, field("local_auth_enabled", model.NewUnknown(at(2), keys))),
			want:   map[string]string{"properties.disableLocalAuth": `? unknown 2 var.keys`},
		},
		{
			name:   "a block that may not exist makes what its presence sets unknown",
			tfType: "azurerm_cognitive_account",
			body:   object(1, field("customer_managed_key", model.NewList(at(10), model.Set, maybeCMK))),
			want: map[string]string{
				"properties.encryption.keySource":          `? unknown 10 var.cmk`,
				"properties.encryption.keyVaultProperties": `? unknown 11 var.cmk`,
			},
		},
		{
			name:   "a block known only as an unknown value makes its whole ARM object unknown",
			tfType: "azurerm_cognitive_account",
			body:   object(1, field("network_acls", model.NewUnknown(at(3), keys))),
			want:   map[string]string{"properties.networkAcls": `? unknown 3 var.keys`},
		},
		{
			name:   "a group of arguments sets its constants at the header",
			tfType: "azurerm_cognitive_account_customer_managed_key",
			body: object(1,
				field("cognitive_account_id", text("/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai", 2)),
				field("key_vault_key_id", text("https://kv.vault.azure.net/keys/cmk/v1", 3)),
			),
			want: map[string]string{
				"name":                            `"oai" set 2 `,
				"properties.encryption.keySource": `"Microsoft.KeyVault" set 1 `,
				"properties.encryption.keyVaultProperties": `{"keyName":"cmk","keyVaultUri":"https://kv.vault.azure.net/","keyVersion":"v1"} set 3 `,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, diags := Adapt(tt.tfType, at(1), tt.body)
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			got := map[string]string{}
			for path := range tt.want {
				got[path] = describe(r.Get(path))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestAdaptUndeclaredType(t *testing.T) {
	if r, diags := Adapt("azurerm_subnet", at(1), object(1)); r != nil || diags != nil {
		t.Errorf("Adapt of a type the table does not declare = %v, %v; want nothing", r, diags)
	}
}
