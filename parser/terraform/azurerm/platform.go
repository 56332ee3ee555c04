package azurerm

import "github.com/zclconf/go-cty/cty"

// The resources an AI deployment joins its AI services to: search, private endpoints, diagnostic
// settings, role assignments, Key Vault, storage, identities, resource groups and the apps that call the
// services. Each API version is the one azurerm 5.2 calls.
var platform = map[string]*Resource{
	"azurerm_search_service": {
		ARMType: "Microsoft.Search/searchServices", APIVersion: "2025-05-01",
		Block: Block{
			Fields: []Field{
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "location", ARM: "location", Transform: str},
				{Arg: "sku", ARM: "sku.name", Transform: str},
				{Arg: "replica_count", ARM: "properties.replicaCount", Transform: number, Default: cty.NumberIntVal(1)},
				{Arg: "partition_count", ARM: "properties.partitionCount", Transform: number, Default: cty.NumberIntVal(1)},
				{Arg: "hosting_mode", ARM: "properties.hostingMode", Transform: str, Default: cty.StringVal("default")},
				{Arg: "semantic_search_sku", ARM: "properties.semanticSearch", Transform: str},
				{Arg: "public_network_access_enabled", ARM: "properties.publicNetworkAccess", Transform: enabled, Default: cty.True},
				{Arg: "local_authentication_enabled", ARM: "properties.disableLocalAuth", Transform: inverted, Default: cty.True},
				{Arg: "authentication_failure_mode", ARM: "properties.authOptions.aadOrApiKey.aadAuthFailureMode", Transform: str},
				{Arg: "customer_managed_key_enforcement_enabled", ARM: "properties.encryptionWithCmk.enforcement", Transform: enabled, Default: cty.False},
				{Arg: "allowed_ips", ARM: "properties.networkRuleSet.ipRules", Transform: valueObjects},
				{Arg: "network_rule_bypass_option", ARM: "properties.networkRuleSet.bypass", Transform: str, Default: cty.StringVal("None")},
				{Arg: "tags", ARM: "tags", Transform: anyVal},
			},
			Blocks: []Block{identity()},
		},
	},
	"azurerm_private_endpoint": {
		ARMType: "Microsoft.Network/privateEndpoints", APIVersion: "2025-01-01",
		Block: Block{
			Fields: []Field{
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "location", ARM: "location", Transform: str},
				{Arg: "subnet_id", ARM: "properties.subnet.id", Transform: str},
				{Arg: "custom_network_interface_name", ARM: "properties.customNetworkInterfaceName", Transform: str},
				{Arg: "tags", ARM: "tags", Transform: anyVal},
			},
			Blocks: []Block{
				{
					// A connection that needs the service owner's approval is a manual one.
					Name: "private_service_connection", ARM: "properties.privateLinkServiceConnections", List: true,
					ARMBy: &Choice{Arg: "is_manual_connection", Value: cty.True, ARM: "properties.manualPrivateLinkServiceConnections"},
					Fields: []Field{
						{Arg: "name", ARM: "name", Transform: str},
						{Arg: "private_connection_resource_id", ARM: "properties.privateLinkServiceId", Transform: str},
						{Arg: "private_connection_resource_alias", ARM: "properties.privateLinkServiceId", Transform: str},
						{Arg: "subresource_names", ARM: "properties.groupIds", Transform: stringList},
						{Arg: "request_message", ARM: "properties.requestMessage", Transform: str},
					},
				},
				{
					Name: "ip_configuration", ARM: "properties.ipConfigurations", List: true,
					Fields: []Field{
						{Arg: "name", ARM: "name", Transform: str},
						{Arg: "private_ip_address", ARM: "properties.privateIPAddress", Transform: str},
						{Arg: "subresource_name", ARM: "properties.groupId", Transform: str},
						{Arg: "member_name", ARM: "properties.memberName", Transform: str},
					},
				},
			},
		},
	},
	"azurerm_monitor_diagnostic_setting": {
		ARMType: "Microsoft.Insights/diagnosticSettings", APIVersion: "2021-05-01-preview",
		Scope: "target_resource_id",
		Block: Block{
			Fields: []Field{
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "log_analytics_workspace_id", ARM: "properties.workspaceId", Transform: str},
				{Arg: "log_analytics_destination_type", ARM: "properties.logAnalyticsDestinationType", Transform: str},
				{Arg: "storage_account_id", ARM: "properties.storageAccountId", Transform: str},
				{Arg: "eventhub_authorization_rule_id", ARM: "properties.eventHubAuthorizationRuleId", Transform: str},
				{Arg: "eventhub_name", ARM: "properties.eventHubName", Transform: str},
				{Arg: "partner_solution_id", ARM: "properties.marketplacePartnerId", Transform: str},
			},
			Blocks: []Block{
				{
					Name: "enabled_log", ARM: "properties.logs", List: true,
					Present: []Const{{ARM: "enabled", Value: cty.True}},
					Fields: []Field{
						{Arg: "category", ARM: "category", Transform: str},
						{Arg: "category_group", ARM: "categoryGroup", Transform: str},
					},
				},
				{
					// azurerm 3.x; 4.0 replaced it with enabled_log.
					Name: "log", ARM: "properties.logs", List: true,
					Fields: []Field{
						{Arg: "category", ARM: "category", Transform: str},
						{Arg: "category_group", ARM: "categoryGroup", Transform: str},
						{Arg: "enabled", ARM: "enabled", Transform: boolean, Default: cty.True},
					},
				},
				{
					Name: "enabled_metric", ARM: "properties.metrics", List: true,
					Present: []Const{{ARM: "enabled", Value: cty.True}},
					Fields:  []Field{{Arg: "category", ARM: "category", Transform: str}},
				},
				{
					// azurerm 3.x; 4.0 replaced it with enabled_metric.
					Name: "metric", ARM: "properties.metrics", List: true,
					Fields: []Field{
						{Arg: "category", ARM: "category", Transform: str},
						{Arg: "enabled", ARM: "enabled", Transform: boolean, Default: cty.True},
					},
				},
			},
		},
	},
	"azurerm_role_assignment": {
		ARMType: "Microsoft.Authorization/roleAssignments", APIVersion: "2022-04-01",
		Scope: "scope",
		Block: Block{
			Fields: []Field{
				// Optional: the provider makes up a GUID when it is absent.
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "role_definition_id", ARM: "properties.roleDefinitionId", Transform: str},
				{Arg: "role_definition_name", ARM: "properties.roleDefinitionId", Transform: roleByName},
				{Arg: "principal_id", ARM: "properties.principalId", Transform: str},
				{Arg: "principal_type", ARM: "properties.principalType", Transform: str},
				{Arg: "description", ARM: "properties.description", Transform: str},
				{Arg: "condition", ARM: "properties.condition", Transform: str},
				{Arg: "condition_version", ARM: "properties.conditionVersion", Transform: str},
				{Arg: "delegated_managed_identity_resource_id", ARM: "properties.delegatedManagedIdentityResourceId", Transform: str},
			},
		},
	},
	"azurerm_key_vault": {
		ARMType: "Microsoft.KeyVault/vaults", APIVersion: keyVaultAPIVersion,
		// The provider turns soft delete on in every vault it creates: the service no longer lets it be off.
		Constants: []Const{
			{ARM: "properties.enableSoftDelete", Value: cty.True},
			{ARM: "properties.sku.family", Value: cty.StringVal("A")},
		},
		Block: Block{
			Fields: []Field{
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "location", ARM: "location", Transform: str},
				{Arg: "tenant_id", ARM: "properties.tenantId", Transform: str},
				{Arg: "sku_name", ARM: "properties.sku.name", Transform: str},
				{Arg: "purge_protection_enabled", ARM: "properties.enablePurgeProtection", Transform: boolean},
				{Arg: "soft_delete_retention_days", ARM: "properties.softDeleteRetentionInDays", Transform: number},
				{Arg: "public_network_access_enabled", ARM: "properties.publicNetworkAccess", Transform: enabled, Default: cty.True},
				{Arg: "rbac_authorization_enabled", ARM: "properties.enableRbacAuthorization", Transform: boolean},
				// azurerm 4.x; 5.0 renamed it rbac_authorization_enabled.
				{Arg: "enable_rbac_authorization", ARM: "properties.enableRbacAuthorization", Transform: boolean},
				{Arg: "tags", ARM: "tags", Transform: anyVal},
			},
			Blocks: []Block{{
				Name: "network_acls", ARM: "properties.networkAcls",
				Fields: []Field{
					{Arg: "default_action", ARM: "defaultAction", Transform: str},
					{Arg: "bypass", ARM: "bypass", Transform: str},
					{Arg: "ip_rules", ARM: "ipRules", Transform: valueObjects},
					{Arg: "virtual_network_subnet_ids", ARM: "virtualNetworkRules", Transform: idObjects},
				},
			}},
		},
	},
	// The provider creates keys through Key Vault's data plane; vaults/keys is the ARM resource for them.
	"azurerm_key_vault_key": {
		ARMType: "Microsoft.KeyVault/vaults/keys", APIVersion: keyVaultAPIVersion,
		Parent: "key_vault_id",
		Block: Block{
			Fields: []Field{
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "key_type", ARM: "properties.kty", Transform: str},
				{Arg: "key_size", ARM: "properties.keySize", Transform: number},
				{Arg: "curve", ARM: "properties.curveName", Transform: str},
				{Arg: "key_opts", ARM: "properties.keyOps", Transform: stringList},
				{Arg: "tags", ARM: "tags", Transform: anyVal},
			},
		},
	},
	"azurerm_storage_account": {
		ARMType: "Microsoft.Storage/storageAccounts", APIVersion: "2025-08-01",
		Block: Block{
			Fields: []Field{
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "location", ARM: "location", Transform: str},
				{Arg: "account_kind", ARM: "kind", Transform: str, Default: cty.StringVal("StorageV2")},
				{Arg: "public_network_access_enabled", ARM: "properties.publicNetworkAccess", Transform: enabled, Default: cty.True},
				{Arg: "shared_access_key_enabled", ARM: "properties.allowSharedKeyAccess", Transform: boolean, Default: cty.True},
				{Arg: "allow_nested_items_to_be_public", ARM: "properties.allowBlobPublicAccess", Transform: boolean, Default: cty.False},
				{Arg: "https_traffic_only_enabled", ARM: "properties.supportsHttpsTrafficOnly", Transform: boolean, Default: cty.True},
				{Arg: "min_tls_version", ARM: "properties.minimumTlsVersion", Transform: str, Default: cty.StringVal("TLS1_2")},
				{Arg: "default_to_oauth_authentication", ARM: "properties.defaultToOAuthAuthentication", Transform: boolean, Default: cty.False},
				{Arg: "infrastructure_encryption_enabled", ARM: "properties.encryption.requireInfrastructureEncryption", Transform: boolean, Default: cty.False},
				{Arg: "tags", ARM: "tags", Transform: anyVal},
			},
			Blocks: []Block{identity()},
		},
	},
	"azurerm_user_assigned_identity": {
		ARMType: "Microsoft.ManagedIdentity/userAssignedIdentities", APIVersion: "2024-11-30",
		Block: Block{Fields: []Field{
			{Arg: "name", ARM: "name", Transform: str},
			{Arg: "location", ARM: "location", Transform: str},
			{Arg: "tags", ARM: "tags", Transform: anyVal},
		}},
	},
	"azurerm_resource_group": {
		ARMType: "Microsoft.Resources/resourceGroups", APIVersion: "2023-07-01",
		Block: Block{Fields: []Field{
			{Arg: "name", ARM: "name", Transform: str},
			{Arg: "location", ARM: "location", Transform: str},
			{Arg: "tags", ARM: "tags", Transform: anyVal},
		}},
	},
	"azurerm_linux_web_app":        webApp(""),
	"azurerm_windows_web_app":      webApp(""),
	"azurerm_linux_function_app":   webApp("functionapp,linux"),
	"azurerm_windows_function_app": webApp("functionapp"),
}

// keyVaultAPIVersion is what azurerm 5.2 calls Microsoft.KeyVault with.
const keyVaultAPIVersion = "2026-02-01"

// webApp is an App Service app; kind is what the provider sends for the type, "" when the plan decides.
func webApp(kind string) *Resource {
	r := &Resource{
		ARMType: "Microsoft.Web/sites", APIVersion: "2023-12-01",
		Block: Block{
			Fields: []Field{
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "location", ARM: "location", Transform: str},
				{Arg: "service_plan_id", ARM: "properties.serverFarmId", Transform: str},
				{Arg: "https_only", ARM: "properties.httpsOnly", Transform: boolean, Default: cty.False},
				{Arg: "public_network_access_enabled", ARM: "properties.publicNetworkAccess", Transform: enabled, Default: cty.True},
				{Arg: "app_settings", ARM: "properties.siteConfig.appSettings", Transform: nameValueList},
				{Arg: "tags", ARM: "tags", Transform: anyVal},
			},
			Blocks: []Block{identity()},
		},
	}
	if kind != "" {
		r.Constants = []Const{{ARM: "kind", Value: cty.StringVal(kind)}}
	}
	return r
}
