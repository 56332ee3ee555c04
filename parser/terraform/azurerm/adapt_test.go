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

// TestAdaptShapes checks what the table can say beyond argument → path: constants, scopes, a value that
// moves a block, blocks that write into the enclosing object, list blocks that share an array, and the
// map-to-list transform.
func TestAdaptShapes(t *testing.T) {
	manual := model.Ref{Kind: model.InputRef, Address: "var.manual"}
	connection := func(line int, manualValue *model.Value) *model.Value {
		fields := []model.Field{
			field("name", text("pe-oai", line+1)),
			field("private_connection_resource_id", model.NewUnknown(at(line+2), model.Ref{Kind: model.ResourceRef, Address: "azurerm_cognitive_account.oai"})),
		}
		if manualValue != nil {
			fields = append(fields, field("is_manual_connection", manualValue))
		}
		return model.NewList(at(line), model.Set, object(line, fields...))
	}
	tests := []struct {
		name   string
		tfType string
		body   *model.Value
		want   map[string]string
	}{
		{
			name:   "a constant of the type is Defaulted at the header",
			tfType: "azurerm_ai_services",
			body:   object(1, field("name", text("ais", 2))),
			want:   map[string]string{"kind": `"AIServices" defaulted 1 `},
		},
		{
			name:   "a block overrides a constant at the same path",
			tfType: "azurerm_machine_learning_compute_instance",
			body:   object(1, field("ssh", model.NewList(at(5), model.Set, object(5, field("public_key", text("ssh-rsa AAAA", 6)))))),
			want: map[string]string{
				"properties.computeType":                            `"ComputeInstance" defaulted 1 `,
				"properties.properties.sshSettings.sshPublicAccess": `"Enabled" set 5 `,
				"properties.properties.sshSettings.adminPublicKey":  `"ssh-rsa AAAA" set 6 `,
				"properties.properties.enableNodePublicIp":          `true defaulted 1 `,
			},
		},
		{
			name:   "without the block the constant stands",
			tfType: "azurerm_machine_learning_compute_instance",
			body:   object(1),
			want:   map[string]string{"properties.properties.sshSettings": `{"sshPublicAccess":"Disabled"} defaulted 1 `},
		},
		{
			name:   "an automatic connection",
			tfType: "azurerm_private_endpoint",
			body:   object(1, field("private_service_connection", connection(3, model.NewPrimitive(cty.False, at(6), model.Set)))),
			want: map[string]string{
				"properties.privateLinkServiceConnections[].name":                            `"pe-oai" set 4 `,
				"properties.privateLinkServiceConnections[].properties.privateLinkServiceId": `? unknown 5 azurerm_cognitive_account.oai`,
				"properties.manualPrivateLinkServiceConnections":                             "absent",
			},
		},
		{
			name:   "a manual connection moves",
			tfType: "azurerm_private_endpoint",
			body:   object(1, field("private_service_connection", connection(3, model.NewPrimitive(cty.StringVal("true"), at(6), model.Set)))),
			want: map[string]string{
				"properties.privateLinkServiceConnections":                                         "absent",
				"properties.manualPrivateLinkServiceConnections[].name":                            `"pe-oai" set 4 `,
				"properties.manualPrivateLinkServiceConnections[].properties.privateLinkServiceId": `? unknown 5 azurerm_cognitive_account.oai`,
			},
		},
		{
			name:   "a connection whose kind is unknown is written at both paths",
			tfType: "azurerm_private_endpoint",
			body:   object(1, field("private_service_connection", connection(3, model.NewUnknown(at(6), manual)))),
			want: map[string]string{
				"properties.privateLinkServiceConnections[].properties.privateLinkServiceId":       `? unknown 5 azurerm_cognitive_account.oai`,
				"properties.manualPrivateLinkServiceConnections[].properties.privateLinkServiceId": `? unknown 5 azurerm_cognitive_account.oai`,
			},
		},
		{
			name:   "an extension resource keeps what it applies to",
			tfType: "azurerm_monitor_diagnostic_setting",
			body: object(1,
				field("target_resource_id", model.NewUnknown(at(2), model.Ref{Kind: model.ResourceRef, Address: "azurerm_cognitive_account.oai"})),
				field("log", model.NewList(at(3), model.Set, object(3, field("category", text("Audit", 4))))),
				field("enabled_log", model.NewList(at(6), model.Set, object(6, field("category_group", text("allLogs", 7))))),
			),
			want: map[string]string{
				"properties.logs": `[{"categoryGroup":"allLogs","enabled":true},{"category":"Audit","enabled":true}] set 6 `,
			},
		},
		{
			name:   "a block without an ARM path writes into the enclosing object",
			tfType: "azurerm_machine_learning_workspace",
			body: object(1, field("managed_network", model.NewList(at(4), model.Set, object(4,
				field("isolation_mode", text("AllowOnlyApprovedOutbound", 5)),
				field("provision_on_creation_enabled", model.NewPrimitive(cty.True, at(6), model.Set)),
			)))),
			want: map[string]string{
				"properties.managedNetwork.isolationMode": `"AllowOnlyApprovedOutbound" set 5 `,
				"properties.provisionNetworkNow":          `true set 6 `,
			},
		},
		{
			name:   "a map becomes a list of names and values",
			tfType: "azurerm_linux_function_app",
			body: object(1, field("app_settings", object(3,
				field("OPENAI_ENDPOINT", text("https://oai.openai.azure.com/", 4)),
				field("OPENAI_KEY", model.NewUnknown(at(5), model.Ref{Kind: model.ResourceRef, Address: "azurerm_cognitive_account.oai"})),
			))),
			want: map[string]string{
				"kind":                              `"functionapp,linux" defaulted 1 `,
				"properties.siteConfig.appSettings": `? set 3 azurerm_cognitive_account.oai`,
				"properties.siteConfig.appSettings[].name":  `"OPENAI_ENDPOINT" set 4  | "OPENAI_KEY" set 5 `,
				"properties.siteConfig.appSettings[].value": `"https://oai.openai.azure.com/" set 4  | ? unknown 5 azurerm_cognitive_account.oai`,
			},
		},
		{
			name:   "a known map becomes a list of names and values",
			tfType: "azurerm_linux_web_app",
			body:   object(1, field("app_settings", object(3, field("OPENAI_ENDPOINT", text("https://oai.openai.azure.com/", 4))))),
			want: map[string]string{
				"kind":                              "absent",
				"properties.siteConfig.appSettings": `[{"name":"OPENAI_ENDPOINT","value":"https://oai.openai.azure.com/"}] set 3 `,
			},
		},
		{
			name:   "each IP rule keeps its range, known or not",
			tfType: "azurerm_cognitive_account",
			body: object(1, field("network_acls", model.NewList(at(3), model.Set, object(3,
				field("ip_rules", model.NewList(at(5), model.Set, text("10.0.0.0/24", 6), model.NewUnknown(at(7), manual))),
			)))),
			want: map[string]string{
				"properties.networkAcls.ipRules[].value": `"10.0.0.0/24" set 6  | ? unknown 7 var.manual`,
				"properties.networkAcls.ipRules":         `? set 5 var.manual`,
			},
		},
		{
			name:   "a built-in role by name is its role definition ID",
			tfType: "azurerm_role_assignment",
			body:   object(1, field("role_definition_name", text("contributor", 2))),
			want:   map[string]string{"properties.roleDefinitionId": `"/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c" set 2 `},
		},
		{
			name:   "a custom role by name is known only at deployment",
			tfType: "azurerm_role_assignment",
			body:   object(1, field("role_definition_name", text("AI Auditors", 2))),
			want:   map[string]string{"properties.roleDefinitionId": `? unknown 2 `},
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
				got[path] = describeAll(r, path)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// describeAll describes the nodes at a path whose steps may end in [] (see model.Value.Values).
func describeAll(r *model.Resource, path string) string {
	var out []string
	for _, v := range r.Body.Values(path) {
		out = append(out, describe(v))
	}
	if len(out) == 0 {
		return "absent"
	}
	return strings.Join(out, " | ")
}

func TestAdaptScope(t *testing.T) {
	target := model.NewUnknown(at(2), model.Ref{Kind: model.ResourceRef, Address: "azurerm_cognitive_account.oai"})
	r, _ := Adapt("azurerm_monitor_diagnostic_setting", at(1), object(1, field("target_resource_id", target)))
	if r.Scope != target {
		t.Errorf("Scope = %v, want the target_resource_id value", r.Scope)
	}
	r, _ = Adapt("azurerm_cognitive_account", at(1), object(1))
	if r.Scope != nil {
		t.Errorf("an account has Scope %v, want none", r.Scope)
	}
}

func TestAdaptUndeclaredType(t *testing.T) {
	if r, diags := Adapt("azurerm_subnet", at(1), object(1)); r != nil || diags != nil {
		t.Errorf("Adapt of a type the table does not declare = %v, %v; want nothing", r, diags)
	}
}
