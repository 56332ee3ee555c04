package arm

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// identityTemplate has a child nested in its parent, a child named parent/child, an extension resource
// with a scope, one in the old form (accounts/providers/diagnosticSettings), and a nested deployment that
// depends on the account and reads the project through its parameters.
const identityTemplate = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": {
    "name": { "type": "string", "defaultValue": "oai" },
    "suffix": { "type": "string" }
  },
  "resources": [
    {
      "type": "Microsoft.CognitiveServices/accounts",
      "name": "[parameters('name')]",
      "resources": [
        { "type": "deployments", "name": "gpt4", "dependsOn": ["[parameters('name')]"] }
      ]
    },
    {
      "type": "Microsoft.CognitiveServices/accounts/projects",
      "name": "[format('{0}/{1}', parameters('name'), parameters('suffix'))]",
      "dependsOn": ["[resourceId('Microsoft.CognitiveServices/accounts', parameters('name'))]"]
    },
    {
      "type": "Microsoft.Insights/diagnosticSettings",
      "name": "diag",
      "scope": "[format('Microsoft.CognitiveServices/accounts/{0}', parameters('name'))]",
      "dependsOn": ["inner"]
    },
    {
      "type": "Microsoft.CognitiveServices/accounts/providers/diagnosticSettings",
      "name": "[concat(parameters('name'), '/Microsoft.Insights/old')]",
      "dependsOn": [
        "[resourceId('Microsoft.Resources/deployments', 'inner')]",
        "[resourceId('Microsoft.CognitiveServices/accounts/projects', parameters('name'), parameters('suffix'))]"
      ]
    },
    {
      "type": "Microsoft.Resources/deployments",
      "name": "inner",
      "dependsOn": ["[resourceId('Microsoft.CognitiveServices/accounts', parameters('name'))]"],
      "properties": {
        "expressionEvaluationOptions": { "scope": "inner" },
        "parameters": {
          "principal": { "value": "[reference(resourceId('Microsoft.CognitiveServices/accounts/projects', parameters('name'), parameters('suffix')), '2025-06-01', 'full').identity.principalId]" }
        },
        "template": {
          "parameters": { "principal": { "type": "string" } },
          "resources": [
            {
              "type": "Microsoft.Authorization/roleAssignments",
              "name": "ra",
              "scope": "[resourceId('Microsoft.KeyVault/vaults', 'kv')]",
              "properties": { "principalId": "[parameters('principal')]" }
            }
          ],
          "outputs": { "notOurs": { "type": "string", "value": "x" } }
        }
      }
    }
  ],
  "outputs": {
    "endpoint": { "type": "string", "value": "[reference(resourceId('Microsoft.CognitiveServices/accounts', parameters('name'))).endpoint]" },
    "key": { "type": "securestring", "value": "[listKeys(resourceId('Microsoft.CognitiveServices/accounts', parameters('name')), '2025-06-01').key1]" }
  }
}`

// symbolicTemplate is languageVersion 2.0: resources, a scope and dependsOn by symbolic name, a copy
// loop, and reference() of a symbol, of one copy, and of a nested deployment.
const symbolicTemplate = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "resources": {
    "acct": {
      "type": "Microsoft.CognitiveServices/accounts",
      "name": "aif",
      "properties": { "fromModule": "[reference('mod').outputs.v.value]" }
    },
    "diag": {
      "type": "Microsoft.Insights/diagnosticSettings",
      "name": "d",
      "scope": "acct",
      "dependsOn": ["acct"]
    },
    "accts": {
      "type": "Microsoft.CognitiveServices/accounts",
      "copy": { "name": "accts", "count": 2 },
      "name": "[format('aif{0}', copyIndex())]"
    },
    "mod": {
      "type": "Microsoft.Resources/deployments",
      "name": "[format('mod-{0}', uniqueString('x'))]",
      "dependsOn": ["accts"],
      "properties": {
        "expressionEvaluationOptions": { "scope": "inner" },
        "template": { "resources": [ { "type": "Microsoft.CognitiveServices/accounts", "name": "inner" } ] }
      }
    },
    "after": {
      "type": "Microsoft.Storage/storageAccounts",
      "name": "st",
      "dependsOn": ["mod"],
      "properties": { "endpoint": "[reference('accts[1]').endpoint]" }
    }
  }
}`

type resourceIdentity struct {
	Address, Type, ID string
	// Scope is the scope value's refs, and where it stands.
	Scope     string
	DependsOn []model.Ref
}

func ref(address string) model.Ref   { return model.Ref{Kind: model.ResourceRef, Address: address} }
func idRef(address string) model.Ref { return model.Ref{Kind: model.IDRef, Address: address} }

func TestIdentities(t *testing.T) {
	tests := []struct {
		name     string
		template string
		want     []resourceIdentity
	}{
		{"ids, scopes and dependencies", identityTemplate, []resourceIdentity{
			{Address: "Microsoft.CognitiveServices/accounts/oai", Type: "Microsoft.CognitiveServices/accounts",
				ID: "Microsoft.CognitiveServices/accounts/oai"},
			{Address: "Microsoft.CognitiveServices/accounts/deployments/oai/gpt4", Type: "Microsoft.CognitiveServices/accounts/deployments",
				ID:        "Microsoft.CognitiveServices/accounts/oai/deployments/gpt4",
				DependsOn: []model.Ref{ref("Microsoft.CognitiveServices/accounts/oai")}},
			{Address: "Microsoft.CognitiveServices/accounts/projects/[format('{0}/{1}', parameters('name'), parameters('suffix'))]",
				Type: "Microsoft.CognitiveServices/accounts/projects", ID: "Microsoft.CognitiveServices/accounts/oai/projects/?",
				DependsOn: []model.Ref{idRef("Microsoft.CognitiveServices/accounts/oai")}},
			{Address: "Microsoft.Insights/diagnosticSettings/diag", Type: "Microsoft.Insights/diagnosticSettings",
				ID:        "Microsoft.CognitiveServices/accounts/oai/providers/Microsoft.Insights/diagnosticSettings/diag",
				Scope:     `[{4 Microsoft.CognitiveServices/accounts/oai}] at 23:7-23:90`,
				DependsOn: []model.Ref{ref("Microsoft.Authorization/roleAssignments/ra")}},
			{Address: "Microsoft.CognitiveServices/accounts/providers/diagnosticSettings/oai/Microsoft.Insights/old",
				Type: "Microsoft.Insights/diagnosticSettings",
				ID:   "Microsoft.CognitiveServices/accounts/oai/providers/Microsoft.Insights/diagnosticSettings/old",
				// The project's ID is known but for its last name, and no other resource of the template fits it.
				DependsOn: []model.Ref{
					ref("Microsoft.Authorization/roleAssignments/ra"),
					ref("Microsoft.CognitiveServices/accounts/projects/[format('{0}/{1}', parameters('name'), parameters('suffix'))]"),
				}},
			{Address: "Microsoft.Authorization/roleAssignments/ra", Type: "Microsoft.Authorization/roleAssignments",
				ID:    "Microsoft.KeyVault/vaults/kv/providers/Microsoft.Authorization/roleAssignments/ra",
				Scope: `[{4 Microsoft.KeyVault/vaults/kv}] at 49:15-49:73`,
				DependsOn: []model.Ref{
					idRef("Microsoft.CognitiveServices/accounts/oai"),
					idRef("Microsoft.CognitiveServices/accounts/oai/projects/?"),
				}},
		}},
		{"languageVersion 2.0", symbolicTemplate, []resourceIdentity{
			{Address: "Microsoft.CognitiveServices/accounts/aif", Type: "Microsoft.CognitiveServices/accounts",
				ID: "Microsoft.CognitiveServices/accounts/aif", DependsOn: []model.Ref{ref("Microsoft.CognitiveServices/accounts/inner")}},
			{Address: "Microsoft.Insights/diagnosticSettings/d", Type: "Microsoft.Insights/diagnosticSettings",
				ID:        "Microsoft.CognitiveServices/accounts/aif/providers/Microsoft.Insights/diagnosticSettings/d",
				Scope:     `[{1 Microsoft.CognitiveServices/accounts/aif}] at 13:7-13:22`,
				DependsOn: []model.Ref{ref("Microsoft.CognitiveServices/accounts/aif")}},
			{Address: "Microsoft.CognitiveServices/accounts/aif0", Type: "Microsoft.CognitiveServices/accounts",
				ID: "Microsoft.CognitiveServices/accounts/aif0"},
			{Address: "Microsoft.CognitiveServices/accounts/aif1", Type: "Microsoft.CognitiveServices/accounts",
				ID: "Microsoft.CognitiveServices/accounts/aif1"},
			{Address: "Microsoft.CognitiveServices/accounts/inner", Type: "Microsoft.CognitiveServices/accounts",
				ID: "Microsoft.CognitiveServices/accounts/inner",
				DependsOn: []model.Ref{
					ref("Microsoft.CognitiveServices/accounts/aif0"),
					ref("Microsoft.CognitiveServices/accounts/aif1"),
				}},
			{Address: "Microsoft.Storage/storageAccounts/st", Type: "Microsoft.Storage/storageAccounts",
				ID: "Microsoft.Storage/storageAccounts/st", DependsOn: []model.Ref{ref("Microsoft.CognitiveServices/accounts/inner")}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"main.json": tt.template})
			res := Load([]string{filepath.Join(dir, "main.json")}, Options{})
			if len(res.Diagnostics) > 0 {
				t.Fatal(res.Diagnostics.Error())
			}
			var got []resourceIdentity
			for _, r := range res.Resources {
				g := resourceIdentity{Address: r.Address, Type: r.Type, ID: r.ID.String(), DependsOn: r.DependsOn}
				if r.Scope != nil {
					g.Scope = fmt.Sprintf("%v at %s", r.Scope.Refs, span(r.Scope.Range))
				}
				got = append(got, g)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("resources (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSymbolicReferences checks what reference() of a languageVersion 2.0 symbol points at: the
// resource's address, one copy of a loop, and what a nested deployment deploys.
func TestSymbolicReferences(t *testing.T) {
	dir := writeFiles(t, map[string]string{"main.json": symbolicTemplate})
	res := Load([]string{filepath.Join(dir, "main.json")}, Options{})
	got := map[string][]model.Ref{}
	for _, r := range res.Resources {
		for _, f := range r.Get("properties").Fields() {
			got[r.Address+" "+f.Name] = f.Value.Refs
		}
	}
	want := map[string][]model.Ref{
		"Microsoft.CognitiveServices/accounts/aif fromModule": {ref("Microsoft.Resources/deployments/mod")},
		"Microsoft.Storage/storageAccounts/st endpoint":       {ref("Microsoft.CognitiveServices/accounts/aif1")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("refs (-want +got):\n%s", diff)
	}
}

// TestOutputs checks that the top-level template's outputs, and not a nested deployment's, are the
// deployment's.
func TestOutputs(t *testing.T) {
	dir := writeFiles(t, map[string]string{"main.json": identityTemplate})
	res := Load([]string{filepath.Join(dir, "main.json")}, Options{})
	if len(res.Deployments) != 1 {
		t.Fatalf("%d deployments, want 1", len(res.Deployments))
	}
	type output struct {
		Name, Address, Range, Value string
		Refs                        []model.Ref
		Sensitive                   bool
		Language                    model.Language
	}
	var got []output
	for _, o := range res.Deployments[0].Outputs {
		got = append(got, output{Name: o.Name, Address: o.Address, Range: span(o.Range), Value: o.Value.State.String() + " at " + span(o.Value.Range),
			Refs: o.Value.Refs, Sensitive: o.Sensitive, Language: o.Language})
	}
	want := []output{
		{Name: "endpoint", Address: "outputs.endpoint", Range: "59:5-59:142", Value: "unknown at 59:37-59:140",
			Refs: []model.Ref{idRef("Microsoft.CognitiveServices/accounts/oai")}, Language: model.ARM},
		{Name: "key", Address: "outputs.key", Range: "60:5-60:152", Value: "unknown at 60:38-60:150",
			Refs: []model.Ref{idRef("Microsoft.CognitiveServices/accounts/oai")}, Sensitive: true, Language: model.ARM},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outputs (-want +got):\n%s", diff)
	}
}

func span(r hcl.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}
