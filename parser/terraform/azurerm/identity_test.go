package azurerm

import (
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

// TestIdentity checks the ID every declared resource gets, and what it keeps of its parent or scope.
func TestIdentity(t *testing.T) {
	account := model.Ref{Kind: model.ResourceRef, Address: `module.ai["east"].azurerm_cognitive_account.oai[0]`}
	sharedAccount := model.Ref{Kind: model.DataRef, Address: "data.azurerm_cognitive_account.shared"}
	input := model.Ref{Kind: model.InputRef, Address: "var.target"}
	const accountID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai"
	tests := []struct {
		name   string
		tfType string
		body   *model.Value
		// want is the ID's String(); parent and scope are what ParentRef and Scope hold ("" for nil);
		// warning is the summary of the diagnostic expected, if any.
		want, parent, scope, warning string
	}{
		{
			name: "a top-level resource is its type and name", tfType: "azurerm_cognitive_account",
			body: object(1, field("name", text("oai", 2))),
			want: "Microsoft.CognitiveServices/accounts/oai",
		},
		{
			name: "a name known only at deployment is ?", tfType: "azurerm_key_vault",
			body: object(1, field("name", model.NewUnknown(at(2), input))),
			want: "Microsoft.KeyVault/vaults/?",
		},
		{
			name: "a child of a literal parent ID takes its chain and container", tfType: "azurerm_cognitive_deployment",
			body: object(1, field("name", text("gpt4", 2)), field("cognitive_account_id", text(accountID, 3))),
			want: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai/deployments/gpt4",
		},
		{
			name: "a child of a referenced parent keeps the reference", tfType: "azurerm_cognitive_deployment",
			body:   object(1, field("name", text("gpt4", 2)), field("cognitive_account_id", model.NewUnknown(at(3), account))),
			want:   "Microsoft.CognitiveServices/accounts/?/deployments/gpt4",
			parent: `unknown 3 module.ai["east"].azurerm_cognitive_account.oai[0]`,
		},
		{
			name: "a parent ID of the wrong type is reported", tfType: "azurerm_machine_learning_compute_instance",
			body:    object(1, field("name", text("ci", 2)), field("machine_learning_workspace_id", text(accountID, 3))),
			want:    "Microsoft.MachineLearningServices/workspaces/?/computes/ci",
			parent:  `set 3 `,
			warning: "Not a resource ID of the right type",
		},
		{
			name: "an extension resource on a literal ID", tfType: "azurerm_monitor_diagnostic_setting",
			body:  object(1, field("name", text("diag", 2)), field("target_resource_id", text(accountID, 3))),
			want:  "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai/providers/Microsoft.Insights/diagnosticSettings/diag",
			scope: "set 3 ",
		},
		{
			name: "an extension resource on a referenced resource takes its type", tfType: "azurerm_monitor_diagnostic_setting",
			body:  object(1, field("name", text("diag", 2)), field("target_resource_id", model.NewUnknown(at(3), account))),
			want:  "Microsoft.CognitiveServices/accounts/?/providers/Microsoft.Insights/diagnosticSettings/diag",
			scope: `unknown 3 module.ai["east"].azurerm_cognitive_account.oai[0]`,
		},
		{
			name: "an extension resource on a data source takes its type", tfType: "azurerm_role_assignment",
			body:  object(1, field("name", text("0b7c4d6e-0000-4000-8000-000000000001", 2)), field("scope", model.NewUnknown(at(3), sharedAccount))),
			want:  "Microsoft.CognitiveServices/accounts/?/providers/Microsoft.Authorization/roleAssignments/0b7c4d6e-0000-4000-8000-000000000001",
			scope: "unknown 3 data.azurerm_cognitive_account.shared",
		},
		{
			name: "an extension resource on a resource group", tfType: "azurerm_role_assignment",
			body:  object(1, field("scope", text("/subscriptions/s/resourceGroups/rg", 3))),
			want:  "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Authorization/roleAssignments/?",
			scope: "set 3 ",
		},
		{
			name: "an extension resource on an input has no scope ID", tfType: "azurerm_role_assignment",
			body:  object(1, field("name", text("ra", 2)), field("scope", model.NewUnknown(at(3), input))),
			want:  "Microsoft.Authorization/roleAssignments/ra",
			scope: "unknown 3 var.target",
		},
		{
			name: "a scope that is no resource ID is reported", tfType: "azurerm_monitor_diagnostic_setting",
			body:    object(1, field("name", text("diag", 2)), field("target_resource_id", text("oai", 3))),
			want:    "Microsoft.Insights/diagnosticSettings/diag",
			scope:   "set 3 ",
			warning: "Not a resource ID",
		},
		{
			name: "a patch is its target", tfType: "azurerm_cognitive_account_customer_managed_key",
			body: object(1, field("cognitive_account_id", text(accountID, 3))),
			want: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai",
		},
		{
			name: "a patch of a referenced target", tfType: "azurerm_cognitive_account_customer_managed_key",
			body: object(1, field("cognitive_account_id", model.NewUnknown(at(3), account))),
			want: "Microsoft.CognitiveServices/accounts/?",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, diags := Adapt(tt.tfType, at(1), tt.body)
			got := struct{ ID, Parent, Scope, Warning string }{ID: r.ID.String(), Parent: refDescription(r.ParentRef), Scope: refDescription(r.Scope)}
			for _, d := range diags {
				got.Warning = d.Summary
			}
			want := struct{ ID, Parent, Scope, Warning string }{tt.want, tt.parent, tt.scope, tt.warning}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// refDescription renders the state, line and references of a value that names another resource.
func refDescription(v *model.Value) string {
	if v == nil {
		return ""
	}
	d := describe(v)
	return d[len(model.JSONText(v.Cty()))+1:]
}

func TestPatchName(t *testing.T) {
	r, _ := Adapt("azurerm_cognitive_account_customer_managed_key", at(1), object(1,
		field("cognitive_account_id", text("/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai", 3))))
	if got := describe(r.Get("name")); got != `"oai" set 3 ` {
		t.Errorf("name = %s, want the target's name at the argument", got)
	}
	r, _ = Adapt("azurerm_cognitive_account_customer_managed_key", at(1), object(1,
		field("cognitive_account_id", model.NewPrimitive(cty.StringVal("oai"), at(3), model.Set))))
	if v := r.Get("name"); v != nil {
		t.Errorf("name = %s from a value that is no account ID, want none", describe(v))
	}
}

func TestTypeOf(t *testing.T) {
	for address, want := range map[string]string{
		"azurerm_cognitive_account.oai":                            "azurerm_cognitive_account",
		`module.ai["a.b"].azurerm_cognitive_account.oai["x[1].y"]`: "azurerm_cognitive_account",
		"module.ai[0].module.net.azurerm_private_endpoint.pe[2]":   "azurerm_private_endpoint",
		"data.azurerm_cognitive_account.shared":                    "azurerm_cognitive_account",
		`module.m["k"].data.azurerm_key_vault.kv`:                  "azurerm_key_vault",
		"oai": "",
	} {
		if got := typeOf(address); got != want {
			t.Errorf("typeOf(%s) = %q, want %q", address, got, want)
		}
	}
}
