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
