package azapi

import (
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func str(s string, line int) *model.Value {
	return model.NewPrimitive(cty.StringVal(s), hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: 3}}, model.Set)
}

func TestAdapt(t *testing.T) {
	header := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 1, Column: 1}}
	tests := []struct {
		name     string
		tfType   string
		args     Args
		wantOK   bool
		wantType string
		wantAPI  string
		wantPath string
		want     string
		patch    bool
	}{
		{name: "an HCL body is taken as written", tfType: "azapi_resource",
			args: Args{Type: str("Microsoft.CognitiveServices/accounts@2025-06-01", 2),
				Body: model.FromCty(cty.ObjectVal(map[string]cty.Value{"properties": cty.ObjectVal(map[string]cty.Value{"disableLocalAuth": cty.True})}), header, model.Set)},
			wantOK: true, wantType: "Microsoft.CognitiveServices/accounts", wantAPI: "2025-06-01", wantPath: "properties.disableLocalAuth", want: "true"},
		{name: "a JSON string body is decoded", tfType: "azapi_resource",
			args:   Args{Type: str("Microsoft.Search/searchServices@2025-05-01", 2), Body: str(`{"properties":{"publicNetworkAccess":"Disabled"}}`, 3)},
			wantOK: true, wantType: "Microsoft.Search/searchServices", wantAPI: "2025-05-01", wantPath: "properties.publicNetworkAccess", want: `"Disabled"`},
		{name: "identity ids become userAssignedIdentities", tfType: "azapi_resource",
			args: Args{Type: str("Microsoft.CognitiveServices/accounts@2025-06-01", 2),
				Identity: model.FromCty(cty.ObjectVal(map[string]cty.Value{"type": cty.StringVal("UserAssigned"),
					"identity_ids": cty.TupleVal([]cty.Value{cty.StringVal("/sub/Microsoft.ManagedIdentity/userAssignedIdentities/a")})}), header, model.Set)},
			wantOK: true, wantType: "Microsoft.CognitiveServices/accounts", wantAPI: "2025-06-01", wantPath: "identity",
			want: `{"type":"UserAssigned","userAssignedIdentities":{"/sub/Microsoft.ManagedIdentity/userAssignedIdentities/a":{}}}`},
		{name: "an update takes its target's name from a literal resource_id", tfType: "azapi_update_resource", patch: true,
			args:   Args{Type: str("Microsoft.CognitiveServices/accounts@2025-06-01", 2), ResourceID: str("/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/oai", 3)},
			wantOK: true, wantType: "Microsoft.CognitiveServices/accounts", wantAPI: "2025-06-01", wantPath: "name", want: `"oai"`},
		{name: "an unknown type cannot be judged", tfType: "azapi_resource",
			args: Args{Type: model.NewUnknown(header)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := Adapt(tt.tfType, header, tt.args)
			if ok != tt.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tt.wantOK)
			}
			if !ok {
				return
			}
			if r.Type != tt.wantType || r.APIVersion != tt.wantAPI || r.Patch != tt.patch {
				t.Errorf("type %s@%s patch %v, want %s@%s patch %v", r.Type, r.APIVersion, r.Patch, tt.wantType, tt.wantAPI, tt.patch)
			}
			if got := model.JSONText(r.Get(tt.wantPath).Cty()); got != tt.want {
				t.Errorf("%s = %s, want %s", tt.wantPath, got, tt.want)
			}
		})
	}
}

func ref(address string, line int) *model.Value {
	return model.NewUnknown(hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: 3}}, model.Ref{Kind: model.ResourceRef, Address: address})
}

// describe renders a value as its JSON text followed by its refs, "" for none.
func describe(v *model.Value) string {
	if v == nil {
		return ""
	}
	out := model.JSONText(v.Cty())
	for _, r := range v.Refs {
		out += " " + r.Address
	}
	return out
}

func TestPlace(t *testing.T) {
	const account = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/oai"
	tests := []struct {
		name   string
		tfType string
		args   Args
		// wantID is the ID's String(), wantName its Name; wantParent and wantScope describe ParentRef and
		// Scope.
		wantID, wantName, wantParent, wantScope string
	}{
		{name: "a child under a reference waits for its parent's name", tfType: "azapi_resource",
			args:   Args{Type: str("Microsoft.CognitiveServices/accounts/deployments@2025-06-01", 2), Name: str("gpt4", 3), ParentID: ref("azapi_resource.oai", 4)},
			wantID: "Microsoft.CognitiveServices/accounts/?/deployments/gpt4", wantName: "?/gpt4", wantParent: "? azapi_resource.oai"},
		{name: "a child under a literal ID takes its parent's name and place", tfType: "azapi_resource",
			args:   Args{Type: str("Microsoft.CognitiveServices/accounts/deployments@2025-06-01", 2), Name: str("gpt4", 3), ParentID: str(account, 4)},
			wantID: account + "/deployments/gpt4", wantName: "oai/gpt4", wantParent: `"` + account + `"`},
		{name: "a child whose literal parent is of another type keeps its parent unknown", tfType: "azapi_resource",
			args:   Args{Type: str("Microsoft.CognitiveServices/accounts/projects/connections@2025-06-01", 2), Name: str("c", 3), ParentID: str(account, 4)},
			wantID: "Microsoft.CognitiveServices/accounts/?/projects/?/connections/c", wantName: "?/?/c", wantParent: `"` + account + `"`},
		{name: "a resource in a literal resource group lives there", tfType: "azapi_resource",
			args:   Args{Type: str("Microsoft.CognitiveServices/accounts@2025-06-01", 2), Name: str("oai", 3), ParentID: str("/subscriptions/s/resourceGroups/g", 4)},
			wantID: account, wantName: "oai", wantParent: `"/subscriptions/s/resourceGroups/g"`},
		{name: "a resource in a resource group by reference", tfType: "azapi_resource",
			args:   Args{Type: str("Microsoft.CognitiveServices/accounts@2025-06-01", 2), Name: str("oai", 3), ParentID: ref("azurerm_resource_group.rg", 4)},
			wantID: "Microsoft.CognitiveServices/accounts/oai", wantName: "oai", wantParent: "? azurerm_resource_group.rg"},
		{name: "a name known only at deployment", tfType: "azapi_resource",
			args:   Args{Type: str("Microsoft.CognitiveServices/accounts@2025-06-01", 2), Name: ref("random_string.s", 3)},
			wantID: "Microsoft.CognitiveServices/accounts/?", wantName: "?"},
		{name: "a type under a literal ID of another provider extends it", tfType: "azapi_resource",
			args:   Args{Type: str("Microsoft.Insights/diagnosticSettings@2021-05-01-preview", 2), Name: str("logs", 3), ParentID: str(account, 4)},
			wantID: account + "/providers/Microsoft.Insights/diagnosticSettings/logs", wantName: "logs", wantScope: `"` + account + `"`},
		{name: "a top-level type under a resource of its own provider extends it", tfType: "azapi_resource",
			args: Args{Type: str("Microsoft.Insights/diagnosticSettings@2021-05-01-preview", 2), Name: str("logs", 3),
				ParentID: str("/subscriptions/s/resourceGroups/g/providers/Microsoft.Insights/components/ai", 4)},
			wantID:    "/subscriptions/s/resourceGroups/g/providers/Microsoft.Insights/components/ai/providers/Microsoft.Insights/diagnosticSettings/logs",
			wantName:  "logs",
			wantScope: `"/subscriptions/s/resourceGroups/g/providers/Microsoft.Insights/components/ai"`},
		{name: "a management group holds what is under it", tfType: "azapi_resource",
			args: Args{Type: str("Microsoft.Authorization/policyDefinitions@2025-01-01", 2), Name: str("p", 3),
				ParentID: str("/providers/Microsoft.Management/managementGroups/mg", 4)},
			wantID: "Microsoft.Authorization/policyDefinitions/p", wantName: "p", wantParent: `"/providers/Microsoft.Management/managementGroups/mg"`},
		{name: "an update's resource_id is its target's ID", tfType: "azapi_update_resource",
			args:   Args{Type: str("Microsoft.CognitiveServices/accounts@2025-06-01", 2), ResourceID: str(account, 3)},
			wantID: account, wantName: "oai"},
		{name: "an update named under a parent", tfType: "azapi_update_resource",
			args:   Args{Type: str("Microsoft.CognitiveServices/accounts@2025-06-01", 2), Name: str("oai", 3), ParentID: ref("azurerm_resource_group.rg", 4)},
			wantID: "Microsoft.CognitiveServices/accounts/oai", wantName: "oai", wantParent: "? azurerm_resource_group.rg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := Adapt(tt.tfType, hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 1, Column: 1}}, tt.args)
			if !ok {
				t.Fatal("not adapted")
			}
			if r.ID.String() != tt.wantID || r.ID.Name != tt.wantName {
				t.Errorf("ID = %s (name %s), want %s (name %s)", r.ID, r.ID.Name, tt.wantID, tt.wantName)
			}
			if got := describe(r.ParentRef); got != tt.wantParent {
				t.Errorf("ParentRef = %s, want %s", got, tt.wantParent)
			}
			if got := describe(r.Scope); got != tt.wantScope {
				t.Errorf("Scope = %s, want %s", got, tt.wantScope)
			}
		})
	}
}

func TestScopeByReference(t *testing.T) {
	resource := func(typ, name string) *model.Resource {
		return &model.Resource{Type: typ, ID: model.NewResourceID(typ, name)}
	}
	oai := resource("Microsoft.CognitiveServices/accounts", "oai")
	other := resource("Microsoft.CognitiveServices/accounts", "other")
	search := resource("Microsoft.Search/searchServices", "s")
	rg := resource("Microsoft.Resources/resourceGroups", "rg")
	unnamed := &model.Resource{Type: "Microsoft.CognitiveServices/accounts"}
	tests := []struct {
		name  string
		typ   string
		named []*model.Resource
		// wantID is the ID's String() after; wantScope says whether parent_id became the scope.
		wantID    string
		wantScope bool
	}{
		{name: "a setting on an account extends it", typ: "Microsoft.Insights/diagnosticSettings", named: []*model.Resource{oai},
			wantID: "Microsoft.CognitiveServices/accounts/oai/providers/Microsoft.Insights/diagnosticSettings/logs", wantScope: true},
		{name: "a setting on one of two accounts extends an account not yet known", typ: "Microsoft.Insights/diagnosticSettings", named: []*model.Resource{oai, other},
			wantID: "Microsoft.CognitiveServices/accounts/?/providers/Microsoft.Insights/diagnosticSettings/logs", wantScope: true},
		{name: "a setting on an account whose ID is not written waits for it", typ: "Microsoft.Insights/diagnosticSettings", named: []*model.Resource{unnamed},
			wantID: "Microsoft.CognitiveServices/accounts/?/providers/Microsoft.Insights/diagnosticSettings/logs", wantScope: true},
		{name: "a setting on resources of two types is left as it is", typ: "Microsoft.Insights/diagnosticSettings", named: []*model.Resource{oai, search},
			wantID: "Microsoft.Insights/diagnosticSettings/logs"},
		{name: "a resource group holds what is under it", typ: "Microsoft.Insights/diagnosticSettings", named: []*model.Resource{rg},
			wantID: "Microsoft.Insights/diagnosticSettings/logs"},
		{name: "a child under its parent stays a child", typ: "Microsoft.CognitiveServices/accounts/deployments", named: []*model.Resource{oai},
			wantID: "Microsoft.CognitiveServices/accounts/?/deployments/logs"},
		{name: "a reference to nothing read", typ: "Microsoft.Insights/diagnosticSettings",
			wantID: "Microsoft.Insights/diagnosticSettings/logs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := Adapt("azapi_resource", hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 1, Column: 1}},
				Args{Type: str(tt.typ+"@2025-06-01", 2), Name: str("logs", 3), ParentID: ref("x.y", 4)})
			if !ok {
				t.Fatal("not adapted")
			}
			parentID := r.ParentRef
			ScopeByReference(r, tt.named)
			if got := r.ID.String(); got != tt.wantID {
				t.Errorf("ID = %s, want %s", got, tt.wantID)
			}
			wantParent, wantScope := parentID, (*model.Value)(nil)
			if tt.wantScope {
				wantParent, wantScope = nil, parentID
			}
			if r.ParentRef != wantParent || r.Scope != wantScope {
				t.Errorf("ParentRef %s, Scope %s; want %s, %s", describe(r.ParentRef), describe(r.Scope), describe(wantParent), describe(wantScope))
			}
		})
	}
}

func TestNameInTail(t *testing.T) {
	tests := []struct {
		armType, tail string
		want          string
		wantOK        bool
	}{
		{"Microsoft.CognitiveServices/accounts", "/providers/Microsoft.CognitiveServices/accounts/oai-x", "oai-x", true},
		{"microsoft.cognitiveservices/accounts", "/providers/Microsoft.CognitiveServices/accounts/oai-x", "oai-x", true},
		{"", "/providers/Microsoft.CognitiveServices/accounts/oai-x", "oai-x", true},
		{"Microsoft.CognitiveServices/accounts/deployments", "/deployments/gpt4", "gpt4", true},
		{"Microsoft.CognitiveServices/accounts/projects/connections", "/projects/p1/connections/search", "search", true},
		{"Microsoft.CognitiveServices/accounts/projects/connections", "/connections/search", "search", true},
		{"Microsoft.CognitiveServices/accounts/deployments", "/projects/p1", "", false},
		{"", "/deployments/gpt4", "", false},
		{"Microsoft.CognitiveServices/accounts", "/providers/Microsoft.CognitiveServices/accounts/", "", false},
		{"Microsoft.CognitiveServices/accounts", "-suffix", "", false},
	}
	for _, tt := range tests {
		got, ok := NameInTail(tt.armType, tt.tail)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("NameInTail(%q, %q) = %q, %v; want %q, %v", tt.armType, tt.tail, got, ok, tt.want, tt.wantOK)
		}
	}
}
