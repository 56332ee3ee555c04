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
		{"azurerm_cognitive_account", "properties.networkAcls.ipRules", ipRules("0.0.0.0/0"), "network_acls.ip_rules", `["0.0.0.0/0"]`},
		{"azurerm_cognitive_account", "identity.userAssignedIdentities", cty.ObjectVal(map[string]cty.Value{uai: cty.EmptyObjectVal}),
			"identity.identity_ids", `["` + uai + `"]`},
		{"azurerm_cognitive_account", "properties.encryption.keyVaultProperties", cty.ObjectVal(map[string]cty.Value{
			"keyVaultUri": cty.StringVal("https://kv.vault.azure.net/"), "keyName": cty.StringVal("cmk"), "keyVersion": cty.StringVal("v1")}),
			"customer_managed_key.key_vault_key_id", `"https://kv.vault.azure.net/keys/cmk/v1"`},
		{"azurerm_cognitive_account", "properties.encryption.keyVaultProperties.keyName", cty.StringVal("cmk"), "customer_managed_key.key_vault_key_id", `"cmk"`},
		{"azurerm_cognitive_account", "tags", cty.ObjectVal(map[string]cty.Value{"cost-center": cty.StringVal("ai"), "env": cty.StringVal("prod")}),
			"tags", `{ cost-center = "ai", env = "prod" }`},
		{"azurerm_search_service", "properties.networkRuleSet.ipRules[].value", cty.StringVal("0.0.0.0/0"), "allowed_ips", `"0.0.0.0/0"`},
		{"azurerm_key_vault", "properties.networkAcls.virtualNetworkRules", cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"id": cty.StringVal("snet")})}),
			"network_acls.virtual_network_subnet_ids", `["snet"]`},
		{"azurerm_linux_web_app", "properties.siteConfig.appSettings", cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
			"name": cty.StringVal("OPENAI_KEY"), "value": cty.StringVal("${secret}")})}), "app_settings", `{ OPENAI_KEY = "$${secret}" }`},
		{"azurerm_private_endpoint", "properties.manualPrivateLinkServiceConnections[].properties.privateLinkServiceId", cty.StringVal("x"),
			"private_service_connection.private_connection_resource_id", `"x"`},
		{"azurerm_machine_learning_workspace", "properties.managedNetwork.isolationMode", cty.StringVal("AllowOnlyApprovedOutbound"),
			"managed_network.isolation_mode", `"AllowOnlyApprovedOutbound"`},
		{"azurerm_machine_learning_workspace", "properties.serverlessComputeSettings.serverlessComputeNoPublicIP", cty.True,
			"serverless_compute.public_ip_enabled", "false"},
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
		{"azurerm_cognitive_account", "properties.networkAcls.defaultAction", cty.StringVal("Deny"), `set network_acls.default_action = "Deny"`},
		// An argument is set, never added as a block, even when the value is only part of what it writes.
		{"azurerm_cognitive_account", "properties.encryption.keyVaultProperties.keyName", cty.StringVal("cmk"), "set customer_managed_key.key_vault_key_id"},
		{"azurerm_cognitive_account", "properties.networkAcls.ipRules", ipRules("10.0.0.0/24"), `set network_acls.ip_rules = ["10.0.0.0/24"]`},
		{"azurerm_cognitive_account", "properties.networkAcls", cty.EmptyObjectVal, "add a network_acls block"},
		{"azurerm_machine_learning_workspace", "properties.encryption.status", cty.StringVal("Enabled"), "add a encryption block"},
		{"azurerm_machine_learning_compute_instance", "properties.properties.sshSettings.sshPublicAccess", cty.StringVal("Disabled"), "remove the ssh block"},
		{"azurerm_machine_learning_compute_instance", "properties.disableLocalAuth", cty.True, "set local_auth_enabled = false"},
		{"azurerm_search_service", "properties.encryptionWithCmk.enforcement", cty.StringVal("Enabled"), "set customer_managed_key_enforcement_enabled = true"},
		{"azurerm_cognitive_account_customer_managed_key", "properties.encryption.keySource", cty.StringVal("Microsoft.KeyVault"), `set properties.encryption.keySource = "Microsoft.KeyVault"`},
	}
	for _, tt := range tests {
		m, _ := lookup(tt.tfType)
		if got := m.Spelling().Instruct(tt.armPath, tt.armValue); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.tfType, tt.armPath, got, tt.want)
		}
	}
}

const uai = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id"

// ipRules is ARM's ipRules array of the given addresses.
func ipRules(addresses ...string) cty.Value {
	var rules []cty.Value
	for _, a := range addresses {
		rules = append(rules, cty.ObjectVal(map[string]cty.Value{"value": cty.StringVal(a)}))
	}
	return cty.TupleVal(rules)
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
		{"ip rules", valueObjects, cty.ListVal([]cty.Value{cty.StringVal("10.0.0.0/24")}), ipRules("10.0.0.0/24")},
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

// TestRoundTrip checks that every transform's FromARM undoes its ToARM, so that a message shows the
// value as the configuration writes it.
func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		tr   Transform
		in   cty.Value
	}{
		{"inverted", inverted, cty.False},
		{"enabled", enabled, cty.True},
		{"ip rules", valueObjects, cty.TupleVal([]cty.Value{cty.StringVal("10.0.0.0/24"), cty.StringVal("192.0.2.1")})},
		{"subnet IDs", idObjects, cty.TupleVal([]cty.Value{cty.StringVal("/subscriptions/s/x")})},
		{"identity IDs", identityMap, cty.ListVal([]cty.Value{cty.StringVal(uai)})},
		{"versioned key", keyVaultKey, cty.StringVal("https://kv.vault.azure.net/keys/cmk/abc")},
		{"versionless key", keyVaultKey, cty.StringVal("https://kv.vault.azure.net/keys/cmk")},
		{"app settings", nameValueList, cty.ObjectVal(map[string]cty.Value{"A": cty.StringVal("1"), "B": cty.StringVal("2")})},
		{"built-in role", roleByName, cty.StringVal("Owner")},
	}
	for _, tt := range tests {
		if got := tt.tr.FromARM(tt.tr.ToARM(tt.in)); terraformText(got) != terraformText(tt.in) {
			t.Errorf("%s: %s back from ARM, want %s", tt.name, terraformText(got), terraformText(tt.in))
		}
	}
}
