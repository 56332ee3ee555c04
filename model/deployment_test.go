package model

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

func resource(typ, address, name string, line int) *Resource {
	r := &Resource{Type: typ, Address: address, Range: at(line), Body: NewObject(at(line), Set)}
	if name != "" {
		r.ID = NewResourceID(typ, name)
		r.Body.Put("name", NewPrimitive(cty.StringVal(name), at(line), Set))
	}
	return r
}

const (
	accountType    = "Microsoft.CognitiveServices/accounts"
	deploymentType = "Microsoft.CognitiveServices/accounts/deployments"
	endpointType   = "Microsoft.Network/privateEndpoints"
)

func addresses(j Join) string {
	var out []string
	for _, r := range j.Resources {
		out = append(out, r.Address)
	}
	return fmt.Sprintf("%s %v", j.State, out)
}

func TestResolve(t *testing.T) {
	oai := resource(accountType, "azurerm_cognitive_account.oai", "oai", 1)
	looped0 := resource(accountType, `azurerm_cognitive_account.many["a"]`, "many-a", 5)
	looped1 := resource(accountType, `azurerm_cognitive_account.many["b"]`, "many-b", 6)
	d := NewDeployment("infra", Terraform, []*Resource{oai, looped0, looped1}, nil)
	str := func(s string) *Value { return NewPrimitive(cty.StringVal(s), at(9), Set) }
	tests := []struct {
		name  string
		v     *Value
		types []string
		want  string
	}{
		{"absent", nil, nil, "none []"},
		{"null", NewPrimitive(cty.NullVal(cty.String), at(9), Set), nil, "none []"},
		{"symbolic", NewUnknown(at(9), Ref{Kind: ResourceRef, Address: "azurerm_cognitive_account.oai"}), nil, "found [azurerm_cognitive_account.oai]"},
		{"symbolic, another case", NewUnknown(at(9), Ref{Kind: ResourceRef, Address: "AZURERM_cognitive_account.oai"}), nil, "found [azurerm_cognitive_account.oai]"},
		{"every instance of a looped resource", NewUnknown(at(9), Ref{Kind: ResourceRef, Address: "azurerm_cognitive_account.many"}), nil,
			`found [azurerm_cognitive_account.many["a"] azurerm_cognitive_account.many["b"]]`},
		{"one instance", NewUnknown(at(9), Ref{Kind: ResourceRef, Address: `azurerm_cognitive_account.many["b"]`}), nil, `found [azurerm_cognitive_account.many["b"]]`},
		{"literal ID without case", str("/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/ACCOUNTS/OAI"), nil, "found [azurerm_cognitive_account.oai]"},
		{"literal ID of something outside", str("/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/elsewhere"), nil, "none []"},
		{"IDRef", NewUnknown(at(9), Ref{Kind: IDRef, Address: "Microsoft.CognitiveServices/accounts/many-a"}), nil, `found [azurerm_cognitive_account.many["a"]]`},
		{"IDRef with an unknown name", NewUnknown(at(9), Ref{Kind: IDRef, Address: "Microsoft.CognitiveServices/accounts/?"}), nil,
			`maybe [azurerm_cognitive_account.oai azurerm_cognitive_account.many["a"] azurerm_cognitive_account.many["b"]]`},
		{"an input", NewUnknown(at(9), Ref{Kind: InputRef, Address: "var.account_id"}), nil, "maybe []"},
		{"a data source is outside", NewUnknown(at(9), Ref{Kind: DataRef, Address: "data.azurerm_cognitive_account.x"}), nil, "none []"},
		{"a bare name is no join", str("oai"), nil, "none []"},
		{"type filter", NewUnknown(at(9), Ref{Kind: ResourceRef, Address: "azurerm_cognitive_account.oai"}), []string{endpointType}, "none []"},
	}
	for _, tt := range tests {
		if got := addresses(d.Resolve(tt.v, tt.types...)); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestParentsChildrenReferrers(t *testing.T) {
	oai := resource(accountType, "oai", "oai", 1)
	other := resource(accountType, "other", "other", 2)
	byName := resource(deploymentType, "gpt4", "oai/gpt4", 3)
	byRef := resource(deploymentType, "embed", "", 4)
	byRef.ParentRef = NewUnknown(at(4), Ref{Kind: ResourceRef, Address: "other"})
	unsure := resource(deploymentType, "unsure", "", 5)
	unsure.ID = NewResourceID(deploymentType, "?/x")
	endpoint := func(address string, line int, target *Value) *Resource {
		pe := resource(endpointType, address, address, line)
		conn := NewObject(at(line), Set)
		conn.Set("properties.privateLinkServiceId", target)
		pe.Body.Set("properties.privateLinkServiceConnections", NewList(at(line), Set, conn))
		return pe
	}
	peOAI := endpoint("pe_oai", 10, NewUnknown(at(10), Ref{Kind: ResourceRef, Address: "oai"}))
	peInput := endpoint("pe_input", 11, NewUnknown(at(11), Ref{Kind: InputRef, Address: "param target"}))
	d := NewDeployment("main.bicep", Bicep, []*Resource{oai, other, byName, byRef, unsure, peOAI, peInput}, nil)

	const path = "properties.privateLinkServiceConnections[].properties.privateLinkServiceId"
	got := map[string]string{
		"parent by name":      addresses(d.Parent(byName)),
		"parent by reference": addresses(d.Parent(byRef)),
		"parent unknown":      addresses(d.Parent(unsure)),
		"children of oai":     addresses(d.Children(oai, deploymentType)),
		"children of other":   addresses(d.Children(other, "")),
		"endpoints of oai":    addresses(d.Referrers(oai, endpointType, path)),
		"endpoints of other":  addresses(d.Referrers(other, endpointType, path)),
	}
	want := map[string]string{
		"parent by name":      "found [oai]",
		"parent by reference": "found [other]",
		"parent unknown":      "maybe [oai other]",
		"children of oai":     "found [gpt4 unsure]",
		"children of other":   "found [embed unsure]",
		"endpoints of oai":    "found [pe_oai]",
		"endpoints of other":  "maybe [pe_input]",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSettle is rules.md's "One resource declared twice": the later of two dependent declarations of one
// resource is the one deployed.
func TestSettle(t *testing.T) {
	symbolic := func(address string) Ref { return Ref{Kind: ResourceRef, Address: address} }
	tests := []struct {
		name  string
		build func() []*Resource
		want  []string
	}{
		{"a module that reads the account re-deploys it", func() []*Resource {
			first := resource(accountType, "account", "oai", 1)
			second := resource(accountType, "cmk.account", "oai", 20)
			second.Body.Set("properties.encryption.identityClientId", NewUnknown(at(21), symbolic("account")))
			return []*Resource{first, second}
		}, []string{"cmk.account"}},
		{"an explicit dependency, declared in the other order", func() []*Resource {
			later := resource(accountType, "later", "OAI", 1)
			earlier := resource(accountType, "earlier", "oai", 20)
			later.DependsOn = []Ref{{Kind: IDRef, Address: "Microsoft.CognitiveServices/accounts/oai"}}
			earlier.DependsOn = nil
			return []*Resource{later, earlier}
		}, []string{"later"}},
		{"a dependency through a third resource", func() []*Resource {
			first := resource(accountType, "account", "oai", 1)
			identity := resource("Microsoft.ManagedIdentity/userAssignedIdentities", "id", "id", 5)
			identity.DependsOn = []Ref{symbolic("account")}
			second := resource(accountType, "again", "oai", 20)
			second.DependsOn = []Ref{symbolic("id")}
			return []*Resource{first, identity, second}
		}, []string{"id", "again"}},
		{"independent declarations are each judged", func() []*Resource {
			return []*Resource{resource(accountType, "a", "oai", 1), resource(accountType, "b", "oai", 20)}
		}, []string{"a", "b"}},
		{"names known only at deployment are never merged", func() []*Resource {
			first := resource(accountType, "a", "", 1)
			second := resource(accountType, "b", "", 20)
			second.DependsOn = []Ref{symbolic("a")}
			return []*Resource{first, second}
		}, []string{"a", "b"}},
	}
	for _, tt := range tests {
		d := NewDeployment("main.bicep", Bicep, tt.build(), nil)
		var got []string
		for _, r := range d.Resources {
			got = append(got, r.Address)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestUnknownScopeIsNoIdentity keeps two extension resources with one name but scopes known only at
// deployment apart: they are not one resource declared twice.
func TestUnknownScopeIsNoIdentity(t *testing.T) {
	diag := func(address string, line int) *Resource {
		r := resource("Microsoft.Insights/diagnosticSettings", address, "audit", line)
		r.Scope = NewUnknown(at(line), Ref{Kind: InputRef, Address: "parameters('target')"})
		return r
	}
	first, second := diag("first", 1), diag("second", 10)
	second.DependsOn = []Ref{{Kind: ResourceRef, Address: "first"}}
	d := NewDeployment("main.json", ARM, []*Resource{first, second}, nil)
	if len(d.Resources) != 2 || len(d.ByID(first.ID)) != 0 {
		t.Errorf("resources %d, by ID %v: settings with unknown scopes were taken for one resource", len(d.Resources), d.ByID(first.ID))
	}
}
