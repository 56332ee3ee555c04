package azurerm

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestSpelling(t *testing.T) {
	tests := []struct {
		tfType, armPath string
		armValue        cty.Value
		wantPath        string
		wantValue       string
	}{
		{"azurerm_cognitive_account", "properties.disableLocalAuth", cty.False, "local_auth_enabled", "true"},
		{"azurerm_cognitive_account", "properties.publicNetworkAccess", cty.StringVal("Disabled"), "public_network_access_enabled", "false"},
		{"azurerm_cognitive_account", "properties.networkAcls.defaultAction", cty.StringVal("Deny"), "network_acls.default_action", `"Deny"`},
		{"azurerm_cognitive_account", "properties.networkAcls", cty.NilVal, "network_acls", ""},
		{"azurerm_cognitive_account", "properties.networkAcls.virtualNetworkRules", cty.NilVal, "network_acls.virtual_network_rules", ""},
		{"azurerm_cognitive_account", "properties.encryption.keySource", cty.StringVal("Microsoft.KeyVault"), "customer_managed_key", `"Microsoft.KeyVault"`},
		{"azurerm_ai_services", "properties.disableLocalAuth", cty.True, "local_authentication_enabled", "false"},
		{"azurerm_ai_services", "properties.publicNetworkAccess", cty.StringVal("Enabled"), "public_network_access", `"Enabled"`},
		{"azurerm_cognitive_account_customer_managed_key", "properties.encryption.keySource", cty.StringVal("Microsoft.KeyVault"), "properties.encryption.keySource", `"Microsoft.KeyVault"`},
		{"azurerm_cognitive_account", "properties.somethingUnmapped", cty.True, "properties.somethingUnmapped", "true"},
	}
	for _, tt := range tests {
		m, ok := lookup(tt.tfType)
		if !ok {
			t.Fatalf("no mapping for %s", tt.tfType)
		}
		s := m.Spelling()
		if got := s.Path(tt.armPath); got != tt.wantPath {
			t.Errorf("%s %s: path %q, want %q", tt.tfType, tt.armPath, got, tt.wantPath)
		}
		if tt.armValue == cty.NilVal {
			continue
		}
		if got := s.Value(tt.armPath, tt.armValue); got != tt.wantValue {
			t.Errorf("%s %s: value %s, want %s", tt.tfType, tt.armPath, got, tt.wantValue)
		}
	}
}

func TestInstruct(t *testing.T) {
	tests := []struct {
		tfType, armPath string
		armValue        cty.Value
		want            string
	}{
		{"azurerm_cognitive_account", "properties.disableLocalAuth", cty.True, "set local_auth_enabled = false"},
		{"azurerm_cognitive_account", "properties.publicNetworkAccess", cty.StringVal("Disabled"), "set public_network_access_enabled = false"},
		{"azurerm_cognitive_account", "properties.encryption.keySource", cty.StringVal("Microsoft.KeyVault"), "add a customer_managed_key block"},
		{"azurerm_ai_services", "properties.publicNetworkAccess", cty.StringVal("Disabled"), `set public_network_access = "Disabled"`},
		{"azurerm_cognitive_account", "properties.unmapped", cty.True, "set properties.unmapped = true"},
	}
	for _, tt := range tests {
		m, _ := lookup(tt.tfType)
		if got := m.Spelling().Instruct(tt.armPath, tt.armValue); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.tfType, tt.armPath, got, tt.want)
		}
	}
}

func TestTransforms(t *testing.T) {
	tests := []struct {
		name string
		tr   Transform
		in   cty.Value
		want cty.Value
	}{
		{"inverted", inverted, cty.True, cty.False},
		{"inverted unknown stays unknown", inverted, cty.UnknownVal(cty.Bool), cty.UnknownVal(cty.Bool)},
		{"enabled", enabled, cty.False, cty.StringVal("Disabled")},
		{"ip rules", valueObjects, cty.ListVal([]cty.Value{cty.StringVal("10.0.0.0/24")}),
			cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"value": cty.StringVal("10.0.0.0/24")})})},
		{"identity ids", identityMap, cty.ListVal([]cty.Value{cty.StringVal("/subscriptions/s/x.y/id")}),
			cty.ObjectVal(map[string]cty.Value{"/subscriptions/s/x.y/id": cty.EmptyObjectVal})},
		{"versioned key", keyVaultKey, cty.StringVal("https://kv.vault.azure.net/keys/cmk/abc"), cty.ObjectVal(map[string]cty.Value{
			"keyVaultUri": cty.StringVal("https://kv.vault.azure.net/"), "keyName": cty.StringVal("cmk"), "keyVersion": cty.StringVal("abc")})},
		{"versionless key", keyVaultKey, cty.StringVal("https://kv.vault.azure.net/keys/cmk"), cty.ObjectVal(map[string]cty.Value{
			"keyVaultUri": cty.StringVal("https://kv.vault.azure.net/"), "keyName": cty.StringVal("cmk")})},
	}
	for _, tt := range tests {
		if got := tt.tr.ToARM(tt.in); !got.RawEquals(tt.want) {
			t.Errorf("%s: %#v, want %#v", tt.name, got, tt.want)
		}
	}
}
