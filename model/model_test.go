package model

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func at(line int) hcl.Range {
	return hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line, Column: 2}}
}

func TestGet(t *testing.T) {
	body := NewObject(at(1), Set)
	body.Set("properties.networkAcls.defaultAction", NewPrimitive(cty.StringVal("Deny"), at(3), Set))
	body.Set("properties.encryption", NewUnknown(at(4), Ref{Kind: InputRef, Address: "var.cmk"}))
	body.Put("tags", FromCty(cty.ObjectVal(map[string]cty.Value{"a.b": cty.StringVal("x")}), at(5), Set))
	tests := []struct {
		path      string
		want      string
		wantState State
		wantLine  int
	}{
		{"properties.networkAcls.defaultAction", `"Deny"`, Set, 3},
		{"Properties.NetworkAcls.DefaultAction", `"Deny"`, Set, 3},
		{"properties.encryption.keySource", "?", Unknown, 4},
		{"properties.networkAcls", `{"defaultAction":"Deny"}`, Set, 3},
	}
	for _, tt := range tests {
		v := body.Get(tt.path)
		if v == nil {
			t.Errorf("%s: absent", tt.path)
			continue
		}
		if got := JSONText(v.Cty()); got != tt.want || v.State != tt.wantState || v.Range.Start.Line != tt.wantLine {
			t.Errorf("%s = %s (%s, line %d), want %s (%s, line %d)", tt.path, got, v.State, v.Range.Start.Line, tt.want, tt.wantState, tt.wantLine)
		}
	}
	if v := body.Get("properties.disableLocalAuth"); v != nil {
		t.Errorf("absent property = %v", v)
	}
	if v := body.Field("tags").Field("a.b"); v == nil {
		t.Error("Put split a key that holds a dot")
	}
}

func TestOpenObject(t *testing.T) {
	spread := Ref{Kind: InputRef, Address: "param base"}
	props := NewOpenObject(at(2), spread)
	props.Put("publicNetworkAccess", NewPrimitive(cty.StringVal("Disabled"), at(3), Set))
	body := NewObject(at(1), Set)
	body.Put("properties", props)
	if v := body.Get("properties.publicNetworkAccess"); !isString(v, "Disabled") || v.Range.Start.Line != 3 {
		t.Errorf("a member put into an open object = %v, want the known Disabled at line 3", v)
	}
	v := body.Get("properties.disableLocalAuth")
	if v == nil || v.State != Unknown || len(v.Refs) != 1 || v.Refs[0] != spread {
		t.Errorf("a member not put into an open object = %v, want Unknown from %v", v, spread)
	}
}

func isString(v *Value, want string) bool {
	s, ok := v.String()
	return ok && s == want
}

func TestLink(t *testing.T) {
	account := func(address, name string) *Resource {
		body := NewObject(at(1), Set)
		body.Set("name", NewPrimitive(cty.StringVal(name), at(2), Set))
		return &Resource{Type: "Microsoft.CognitiveServices/accounts", Address: address, Body: body}
	}
	patch := func(target []Ref, name string) *Resource {
		body := NewObject(at(10), Set)
		body.Set("properties.encryption.keySource", NewPrimitive(cty.StringVal("Microsoft.KeyVault"), at(11), Set))
		if name != "" {
			body.Set("name", NewPrimitive(cty.StringVal(name), at(12), Set))
		}
		return &Resource{Type: "Microsoft.CognitiveServices/accounts", Address: "patch", Body: body, Patch: true, Target: target}
	}
	tests := []struct {
		name  string
		patch *Resource
		// want gives, per account address, the state of keySource after linking (0: absent).
		want map[string]State
	}{
		{"a reference to the whole counted resource may mean any instance, so it decides none",
			patch([]Ref{{Kind: ResourceRef, Address: "acct.x"}}, ""),
			map[string]State{"acct.x[0]": Unknown, "acct.x[1]": Unknown, "acct.y": 0}},
		{"a reference to one instance patches that one",
			patch([]Ref{{Kind: ResourceRef, Address: "acct.x[1]"}}, ""),
			map[string]State{"acct.x[0]": 0, "acct.x[1]": Set, "acct.y": 0}},
		{"a known name finds its account",
			patch(nil, "oai-y"),
			map[string]State{"acct.x[0]": 0, "acct.x[1]": 0, "acct.y": Set}},
		{"a data source target lies outside the configuration",
			patch([]Ref{{Kind: DataRef, Address: "data.acct.z"}}, ""),
			map[string]State{"acct.x[0]": 0, "acct.x[1]": 0, "acct.y": 0}},
		{"an unknown target makes the property unknown everywhere",
			patch([]Ref{{Kind: InputRef, Address: "var.id"}}, ""),
			map[string]State{"acct.x[0]": Unknown, "acct.x[1]": Unknown, "acct.y": Unknown}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept := Link([]*Resource{account("acct.x[0]", "oai-0"), account("acct.x[1]", "oai-1"), account("acct.y", "oai-y"), tt.patch})
			if len(kept) != 3 {
				t.Fatalf("Link kept %d resources, want the 3 accounts", len(kept))
			}
			for _, r := range kept {
				var got State
				if v := r.Get("properties.encryption.keySource"); v != nil {
					got = v.State
				}
				if got != tt.want[r.Address] {
					t.Errorf("%s: keySource state %v, want %v", r.Address, got, tt.want[r.Address])
				}
				if n, _ := r.Body.Get("name").String(); n == "" {
					t.Errorf("%s lost its name", r.Address)
				}
			}
		})
	}
}

// TestLinkIntoUnknown checks that a patch into a resource whose properties are unknown as a whole leaves
// what the patch sets known and the rest unknown.
func TestLinkIntoUnknown(t *testing.T) {
	body := NewObject(at(1), Set)
	body.Set("properties", NewUnknown(at(2), Ref{Kind: InputRef, Address: "var.props"}))
	account := &Resource{Type: "Microsoft.CognitiveServices/accounts", Address: "acct", Body: body}
	patchBody := NewObject(at(10), Set)
	patchBody.Set("properties.encryption.keySource", NewPrimitive(cty.StringVal("Microsoft.KeyVault"), at(11), Set))
	patch := &Resource{Type: "Microsoft.CognitiveServices/accounts", Address: "cmk", Body: patchBody, Patch: true,
		Target: []Ref{{Kind: ResourceRef, Address: "acct"}}}
	Link([]*Resource{account, patch})
	if v := account.Get("properties.encryption.keySource"); v == nil || v.State != Set {
		t.Errorf("keySource = %v, want the patch's value", v)
	}
	v := account.Get("properties.disableLocalAuth")
	if v == nil || v.State != Unknown || len(v.Refs) != 1 || v.Refs[0].Address != "var.props" {
		t.Errorf("disableLocalAuth = %+v, want unknown from var.props", v)
	}
	if got := account.SpellingOf(account.Get("properties.encryption.keySource")); got != (ARMSpelling{}) {
		t.Errorf("the patched value is spelled by %T, want the patch's ARMSpelling", got)
	}
}

// TestSpeculativePatchKeepsEqualValues checks that a patch that may not exist leaves alone what the
// target already holds with the same value, and makes unknown what it would change.
func TestSpeculativePatchKeepsEqualValues(t *testing.T) {
	body := NewObject(at(1), Set)
	body.Set("properties.encryption.keySource", NewPrimitive(cty.StringVal("Microsoft.KeyVault"), at(3), Set))
	body.Set("properties.disableLocalAuth", NewPrimitive(cty.False, at(4), Set))
	account := &Resource{Type: "Microsoft.CognitiveServices/accounts", Address: "acct", Body: body}
	patchBody := NewObject(at(10), Set)
	patchBody.Set("properties.encryption.keySource", NewPrimitive(cty.StringVal("microsoft.keyvault"), at(11), Set))
	patchBody.Set("properties.disableLocalAuth", NewPrimitive(cty.True, at(12), Set))
	patch := &Resource{Type: "Microsoft.CognitiveServices/accounts", Address: "maybe", Body: patchBody, Patch: true,
		Target: []Ref{{Kind: ResourceRef, Address: "acct"}}, ExistenceUnknown: true}
	Link([]*Resource{account, patch})
	if v := account.Get("properties.encryption.keySource"); v.State != Set || v.Range.Start.Line != 3 {
		t.Errorf("keySource = %+v, want the account's own value", v)
	}
	if v := account.Get("properties.disableLocalAuth"); v.State != Unknown {
		t.Errorf("disableLocalAuth = %+v, want unknown", v)
	}
}
