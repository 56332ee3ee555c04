package azurerm

import "github.com/zclconf/go-cty/cty"

// cognitiveAPIVersion is what azurerm 5.2 calls Microsoft.CognitiveServices with.
const cognitiveAPIVersion = "2026-03-01"

var cognitive = map[string]*Resource{
	"azurerm_cognitive_account": {
		ARMType: "Microsoft.CognitiveServices/accounts", APIVersion: cognitiveAPIVersion,
		Block: Block{
			Fields: append(accountCommon(),
				Field{Arg: "kind", ARM: "kind", Transform: str},
				Field{Arg: "public_network_access_enabled", ARM: "properties.publicNetworkAccess", Transform: enabled, Default: cty.True},
				Field{Arg: "local_auth_enabled", ARM: "properties.disableLocalAuth", Transform: inverted, Default: cty.True},
				Field{Arg: "project_management_enabled", ARM: "properties.allowProjectManagement", Transform: boolean, Default: cty.False},
				Field{Arg: "dynamic_throttling_enabled", ARM: "properties.dynamicThrottlingEnabled", Transform: boolean},
				Field{Arg: "custom_question_answering_search_service_id", ARM: "properties.apiProperties.qnaAzureSearchEndpointId", Transform: str},
				Field{Arg: "custom_question_answering_search_service_key", ARM: "properties.apiProperties.qnaAzureSearchEndpointKey", Transform: str},
			),
			Blocks: []Block{
				networkACLs(cty.NilVal),
				identity(),
				userOwnedStorage(),
				{Name: "customer_managed_key", ARM: "properties.encryption", Fields: keyVaultEncryption(), Present: keyVaultSource},
				{
					Name: "network_injection", ARM: "properties.networkInjections", List: true,
					Fields: []Field{
						{Arg: "scenario", ARM: "scenario", Transform: str},
						{Arg: "subnet_id", ARM: "subnetArmId", Transform: str},
					},
				},
			},
		},
	},
	// azurerm 4.x only; 5.0 folded it into azurerm_cognitive_account, but 4.x code is still everywhere.
	"azurerm_ai_services": {
		ARMType: "Microsoft.CognitiveServices/accounts", APIVersion: cognitiveAPIVersion,
		Constants: []Const{{ARM: "kind", Value: cty.StringVal("AIServices")}},
		Block: Block{
			Fields: append(accountCommon(),
				Field{Arg: "public_network_access", ARM: "properties.publicNetworkAccess", Transform: str, Default: cty.StringVal("Enabled")},
				Field{Arg: "local_authentication_enabled", ARM: "properties.disableLocalAuth", Transform: inverted, Default: cty.True},
			),
			Blocks: []Block{
				networkACLs(cty.StringVal("AzureServices")),
				identity(),
				userOwnedStorage(),
				{Name: "customer_managed_key", ARM: "properties.encryption", Fields: keyVaultEncryption(), Present: keyVaultSource},
			},
		},
	},
	// The provider PATCHes the account's encryption; the resource creates nothing of its own.
	"azurerm_cognitive_account_customer_managed_key": {
		ARMType: "Microsoft.CognitiveServices/accounts", APIVersion: cognitiveAPIVersion,
		PatchTarget: "cognitive_account_id",
		Block: Block{
			Blocks: []Block{{
				ARM: "properties.encryption", Fields: keyVaultEncryption(), Present: keyVaultSource,
			}},
		},
	},
	"azurerm_cognitive_deployment": {
		ARMType: "Microsoft.CognitiveServices/accounts/deployments", APIVersion: cognitiveAPIVersion,
		Parent: "cognitive_account_id",
		Block: Block{
			Fields: []Field{
				{Arg: "name", ARM: "name", Transform: str},
				// Optional and computed: when it is absent the service binds its default policy.
				{Arg: "rai_policy_name", ARM: "properties.raiPolicyName", Transform: str},
				{Arg: "version_upgrade_option", ARM: "properties.versionUpgradeOption", Transform: str, Default: cty.StringVal("OnceNewDefaultVersionAvailable")},
				// dynamic_throttling_enabled is left out: the provider sends it, but every api-version of the
				// schema has the deployment's dynamicThrottlingEnabled read-only, so it sets nothing.
			},
			Blocks: []Block{
				{
					Name: "model", ARM: "properties.model",
					Fields: []Field{
						{Arg: "format", ARM: "format", Transform: str},
						{Arg: "name", ARM: "name", Transform: str},
						{Arg: "version", ARM: "version", Transform: str},
					},
				},
				{
					Name: "sku", ARM: "sku",
					Fields: []Field{
						{Arg: "name", ARM: "name", Transform: str},
						{Arg: "tier", ARM: "tier", Transform: str},
						{Arg: "size", ARM: "size", Transform: str},
						{Arg: "family", ARM: "family", Transform: str},
						{Arg: "capacity", ARM: "capacity", Transform: number, Default: cty.NumberIntVal(1)},
					},
				},
			},
		},
	},
	"azurerm_cognitive_account_rai_policy": {
		ARMType: "Microsoft.CognitiveServices/accounts/raiPolicies", APIVersion: cognitiveAPIVersion,
		Parent: "cognitive_account_id",
		Block: Block{
			Fields: []Field{
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "base_policy_name", ARM: "properties.basePolicyName", Transform: str},
				{Arg: "mode", ARM: "properties.mode", Transform: str},
				{Arg: "tags", ARM: "tags", Transform: anyVal},
			},
			Blocks: []Block{{
				Name: "content_filter", ARM: "properties.contentFilters", List: true,
				Fields: []Field{
					{Arg: "name", ARM: "name", Transform: str},
					{Arg: "filter_enabled", ARM: "enabled", Transform: boolean},
					{Arg: "block_enabled", ARM: "blocking", Transform: boolean},
					{Arg: "source", ARM: "source", Transform: str},
					{Arg: "severity_threshold", ARM: "severityThreshold", Transform: str},
				},
			}},
		},
	},
	"azurerm_cognitive_account_project": {
		ARMType: "Microsoft.CognitiveServices/accounts/projects", APIVersion: cognitiveAPIVersion,
		Parent: "cognitive_account_id",
		Block: Block{
			Fields: []Field{
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "location", ARM: "location", Transform: str},
				{Arg: "description", ARM: "properties.description", Transform: str},
				{Arg: "display_name", ARM: "properties.displayName", Transform: str},
				{Arg: "tags", ARM: "tags", Transform: anyVal},
			},
			Blocks: []Block{identity()},
		},
	},
	"azurerm_cognitive_account_connection_api_key": connection("ApiKey",
		Field{Arg: "api_key", ARM: "properties.credentials.key", Transform: str}),
	"azurerm_cognitive_account_connection_account_key": connection("AccountKey",
		Field{Arg: "account_key", ARM: "properties.credentials.key", Transform: str}),
	"azurerm_cognitive_account_connection_custom_keys": connection("CustomKeys",
		Field{Arg: "custom_keys", ARM: "properties.credentials.keys", Transform: stringMap}),
	"azurerm_cognitive_account_connection_entra_id": connection("AAD"),
	// The provider sends AccountManagedIdentity, an auth type of its SDK's 2026-03-01 that the published
	// schema of that version does not list (it has ManagedIdentity).
	"azurerm_cognitive_account_connection_account_managed_identity": connection("AccountManagedIdentity"),
}

// accountCommon holds the arguments azurerm_cognitive_account and azurerm_ai_services share.
func accountCommon() []Field {
	return []Field{
		{Arg: "name", ARM: "name", Transform: str},
		{Arg: "location", ARM: "location", Transform: str},
		{Arg: "sku_name", ARM: "sku.name", Transform: str},
		{Arg: "custom_subdomain_name", ARM: "properties.customSubDomainName", Transform: str},
		{Arg: "outbound_network_access_restricted", ARM: "properties.restrictOutboundNetworkAccess", Transform: boolean, Default: cty.False},
		{Arg: "fqdns", ARM: "properties.allowedFqdnList", Transform: stringList},
		{Arg: "tags", ARM: "tags", Transform: anyVal},
	}
}

func networkACLs(bypassDefault cty.Value) Block {
	return Block{
		Name: "network_acls", ARM: "properties.networkAcls",
		Fields: []Field{
			{Arg: "default_action", ARM: "defaultAction", Transform: str},
			{Arg: "bypass", ARM: "bypass", Transform: str, Default: bypassDefault},
			{Arg: "ip_rules", ARM: "ipRules", Transform: valueObjects},
		},
		Blocks: []Block{{
			Name: "virtual_network_rules", ARM: "virtualNetworkRules", List: true,
			Fields: []Field{
				{Arg: "subnet_id", ARM: "id", Transform: str},
				{Arg: "ignore_missing_vnet_service_endpoint", ARM: "ignoreMissingVnetServiceEndpoint", Transform: boolean, Default: cty.False},
			},
		}},
	}
}

// identity is the identity block of every resource that has a managed identity.
func identity() Block {
	return Block{
		Name: "identity", ARM: "identity",
		Fields: []Field{
			{Arg: "type", ARM: "type", Transform: str},
			{Arg: "identity_ids", ARM: "userAssignedIdentities", Transform: identityMap},
		},
	}
}

func userOwnedStorage() Block {
	return Block{
		Name: "storage", ARM: "properties.userOwnedStorage", List: true,
		Fields: []Field{
			{Arg: "storage_account_id", ARM: "resourceId", Transform: str},
			{Arg: "identity_client_id", ARM: "identityClientId", Transform: str},
		},
	}
}

// keyVaultEncryption holds the arguments that put an account's key in Key Vault, relative to
// properties.encryption.
func keyVaultEncryption() []Field {
	return []Field{
		{Arg: "key_vault_key_id", ARM: "keyVaultProperties", Transform: keyVaultKey},
		{Arg: "managed_hsm_key_id", ARM: "keyVaultProperties", Transform: keyVaultKey},
		{Arg: "identity_client_id", ARM: "keyVaultProperties.identityClientId", Transform: str},
	}
}

var keyVaultSource = []Const{{ARM: "keySource", Value: cty.StringVal("Microsoft.KeyVault")}}

// connection is an azurerm_cognitive_account_connection_* resource: one resource type per authType, with
// the credentials that type takes.
func connection(authType string, credentials ...Field) *Resource {
	return &Resource{
		ARMType: "Microsoft.CognitiveServices/accounts/connections", APIVersion: cognitiveAPIVersion,
		Parent:    "cognitive_account_id",
		Constants: []Const{{ARM: "properties.authType", Value: cty.StringVal(authType)}},
		Block: Block{
			Fields: append([]Field{
				{Arg: "name", ARM: "name", Transform: str},
				{Arg: "category", ARM: "properties.category", Transform: str},
				{Arg: "target", ARM: "properties.target", Transform: str},
				{Arg: "metadata", ARM: "properties.metadata", Transform: stringMap},
			}, credentials...),
		},
	}
}
