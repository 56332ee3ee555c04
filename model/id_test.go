package model

import (
	"testing"
)

func TestParseResourceID(t *testing.T) {
	tests := []struct {
		in        string
		ok        bool
		want      string // ResourceID.String()
		container string
		known     bool
	}{
		{"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai", true,
			"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai", "/subscriptions/s/resourceGroups/rg", true},
		{"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai/deployments/gpt4", true,
			"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai/deployments/gpt4", "/subscriptions/s/resourceGroups/rg", true},
		{"Microsoft.CognitiveServices/accounts/oai/deployments/gpt4", true, "Microsoft.CognitiveServices/accounts/oai/deployments/gpt4", "", true},
		{"Microsoft.CognitiveServices/accounts/?/deployments/gpt4", true, "Microsoft.CognitiveServices/accounts/?/deployments/gpt4", "", false},
		{"/subscriptions/s/resourceGroups/g/providers/Microsoft.X/a/?", true, "/subscriptions/s/resourceGroups/g/providers/Microsoft.X/a/?", "/subscriptions/s/resourceGroups/g", false},
		{"/subscriptions/?/resourceGroups/g/providers/Microsoft.X/a/n", true, "Microsoft.X/a/n", "", true},
		{"Microsoft.X/a/?/providers/Microsoft.Insights/diagnosticSettings/d", true, "Microsoft.X/a/?/providers/Microsoft.Insights/diagnosticSettings/d", "", false},
		{"Microsoft.X/?/n", false, "", "", false},
		{"Microsoft.X/a/n/?/m", false, "", "", false},
		{"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai/providers/Microsoft.Insights/diagnosticSettings/d", true,
			"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai/providers/Microsoft.Insights/diagnosticSettings/d", "", true},
		{"/subscriptions/s", true, "/subscriptions/s", "/subscriptions/s", false},
		{"/subscriptions/s/resourceGroups/rg", true, "/subscriptions/s/resourceGroups/rg", "/subscriptions/s/resourceGroups/rg", false},
		{"/providers/Microsoft.Management/managementGroups/mg", true, "Microsoft.Management/managementGroups/mg", "", true},
		{"oai", false, "", "", false},
		{"https://kv.vault.azure.net/keys/cmk", false, "", "", false},
		{"/subscriptions", false, "", "", false},
		{"Microsoft.CognitiveServices/accounts", false, "", "", false},
		{"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai/deployments", false, "", "", false},
		{"", false, "", "", false},
	}
	for _, tt := range tests {
		id, ok := ParseResourceID(tt.in)
		if ok != tt.ok {
			t.Errorf("ParseResourceID(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if got := id.String(); got != tt.want || id.Container != tt.container || id.Known() != tt.known {
			t.Errorf("ParseResourceID(%q) = %q (container %q, known %v), want %q (container %q, known %v)",
				tt.in, got, id.Container, id.Known(), tt.want, tt.container, tt.known)
		}
	}
}

func TestResourceIDRelations(t *testing.T) {
	deployment, _ := ParseResourceID("/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/OAI/deployments/gpt4")
	parent, ok := deployment.Parent()
	if !ok || parent.String() != "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/OAI" {
		t.Errorf("Parent = %q, %v", parent.String(), ok)
	}
	if _, ok := parent.Parent(); ok {
		t.Error("a top-level resource has a parent")
	}
	local := NewResourceID("microsoft.cognitiveservices/ACCOUNTS", "oai")
	if !local.Same(parent) || !parent.Same(local) {
		t.Error("IDs that differ in case and in a container written on one side only are not the same")
	}
	other, _ := ParseResourceID("/subscriptions/s/resourceGroups/other/providers/Microsoft.CognitiveServices/accounts/oai")
	if other.Same(parent) {
		t.Error("IDs in two written resource groups are the same")
	}
	if child := local.ChildID("deployments", "gpt4"); child.String() != "microsoft.cognitiveservices/ACCOUNTS/oai/deployments/gpt4" || !child.Same(deployment) {
		t.Errorf("ChildID = %q", child.String())
	}
	if deployment.LastName() != "gpt4" {
		t.Errorf("LastName = %q", deployment.LastName())
	}
	unknown := NewResourceID("Microsoft.CognitiveServices/accounts", "?")
	if unknown.Known() || unknown.Same(unknown) {
		t.Error("an ID with an unknown name is known, or matches")
	}
	diag, _ := ParseResourceID("Microsoft.CognitiveServices/accounts/oai/providers/Microsoft.Insights/diagnosticSettings/d")
	if diag.Type != "Microsoft.Insights/diagnosticSettings" || diag.Scope == nil || !diag.Scope.Same(local) {
		t.Errorf("extension ID = %+v", diag)
	}
}

func TestUnknownIDs(t *testing.T) {
	tests := []struct{ got, want string }{
		{UnknownID("Microsoft.CognitiveServices/accounts").Name, "?"},
		{UnknownID("Microsoft.CognitiveServices/accounts/deployments").Name, "?/?"},
		{ChildOfUnknown("Microsoft.CognitiveServices/accounts", "oai").Name, "oai"},
		{ChildOfUnknown("Microsoft.CognitiveServices/accounts/deployments", "gpt4").Name, "?/gpt4"},
		{ParentType("Microsoft.CognitiveServices/accounts/deployments"), "Microsoft.CognitiveServices/accounts"},
		{ParentType("Microsoft.CognitiveServices/accounts"), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestInstanceBase(t *testing.T) {
	for in, want := range map[string]string{
		"azurerm_cognitive_account.oai":    "azurerm_cognitive_account.oai",
		"azurerm_cognitive_account.oai[0]": "azurerm_cognitive_account.oai",
		`module.m["x"].azurerm_x.y["a"]`:   `module.m["x"].azurerm_x.y`,
		`azurerm_x.y["a[1]"]`:              "azurerm_x.y",
		`azurerm_x.y["say \"[\""]`:         "azurerm_x.y",
		"accts[1]":                         "accts",
		"[weird]":                          "[weird]",
	} {
		if got := InstanceBase(in); got != want {
			t.Errorf("InstanceBase(%q) = %q, want %q", in, got, want)
		}
	}
}
