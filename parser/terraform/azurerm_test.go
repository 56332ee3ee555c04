package terraform

import (
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
)

// TestAzurermJoins loads azurerm resources that name one another and checks that the deployment joins
// them: a deployment to its account, a private endpoint and a diagnostic setting to what they target, and
// a role assignment to its scope, in HCL and in JSON syntax. The "?" the table leaves for a parent or
// scope named by reference is the referenced account's name once the deployment resolves it.
func TestAzurermJoins(t *testing.T) {
	_, res := loadTree(t, map[string]string{
		"main.tf": `resource "azurerm_cognitive_account" "oai" {
  name = "oai-chat"
  kind = "OpenAI"
}
resource "azurerm_cognitive_deployment" "gpt4" {
  name                 = "gpt4"
  cognitive_account_id = azurerm_cognitive_account.oai.id
  model {
    format = "OpenAI"
    name   = "gpt-4o"
  }
}
resource "azurerm_monitor_diagnostic_setting" "oai" {
  name               = "diag"
  target_resource_id = azurerm_cognitive_account.oai.id
  enabled_log {
    category_group = "allLogs"
  }
}
resource "azurerm_role_assignment" "reader" {
  scope                = azurerm_cognitive_account.oai.id
  role_definition_name = "Cognitive Services OpenAI User"
  principal_id         = "00000000-0000-0000-0000-000000000001"
}
`,
		"network.tf.json": `{"resource": {"azurerm_private_endpoint": {"oai": {
  "name": "pe-oai",
  "private_service_connection": [{
    "name": "oai",
    "is_manual_connection": false,
    "private_connection_resource_id": "${azurerm_cognitive_account.oai.id}",
    "subresource_names": ["account"]
  }]
}}}}`,
	})
	d := res.Deployments[0]
	byAddress := map[string]*model.Resource{}
	var ids []string
	for _, r := range d.Resources {
		byAddress[r.Address] = r
		ids = append(ids, r.Address+" "+r.ID.String())
	}
	wantIDs := []string{
		"azurerm_cognitive_account.oai Microsoft.CognitiveServices/accounts/oai-chat",
		"azurerm_cognitive_deployment.gpt4 Microsoft.CognitiveServices/accounts/oai-chat/deployments/gpt4",
		"azurerm_monitor_diagnostic_setting.oai Microsoft.CognitiveServices/accounts/oai-chat/providers/Microsoft.Insights/diagnosticSettings/diag",
		"azurerm_role_assignment.reader Microsoft.CognitiveServices/accounts/oai-chat/providers/Microsoft.Authorization/roleAssignments/?",
		"azurerm_private_endpoint.oai Microsoft.Network/privateEndpoints/pe-oai",
	}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
	account := byAddress["azurerm_cognitive_account.oai"]
	joins := map[string]model.Join{
		"parent":   d.Parent(byAddress["azurerm_cognitive_deployment.gpt4"]),
		"children": d.Children(account, "Microsoft.CognitiveServices/accounts/deployments"),
		"scope":    d.ScopeOf(byAddress["azurerm_monitor_diagnostic_setting.oai"]),
		"role":     d.ScopeOf(byAddress["azurerm_role_assignment.reader"]),
		"endpoint": d.Referrers(account, "Microsoft.Network/privateEndpoints", "properties.privateLinkServiceConnections[].properties.privateLinkServiceId"),
	}
	got := map[string]string{}
	for name, j := range joins {
		got[name] = j.State.String()
		for _, r := range j.Resources {
			got[name] += " " + r.Address
		}
	}
	want := map[string]string{
		"parent":   "found azurerm_cognitive_account.oai",
		"children": "found azurerm_cognitive_deployment.gpt4",
		"scope":    "found azurerm_cognitive_account.oai",
		"role":     "found azurerm_cognitive_account.oai",
		"endpoint": "found azurerm_private_endpoint.oai",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("joins (-want +got):\n%s", diff)
	}
	role := byAddress["azurerm_role_assignment.reader"].Get("properties.roleDefinitionId")
	if s, _ := role.String(); s != "/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd" {
		t.Errorf("roleDefinitionId = %q", s)
	}
}
