package azurerm

import "github.com/zclconf/go-cty/cty"

// machineLearningAPIVersion is what azurerm 5.2 calls Microsoft.MachineLearningServices with.
const machineLearningAPIVersion = "2025-06-01"

var machineLearning = map[string]*Resource{
	// A Foundry hub: a workspace of kind Hub.
	"azurerm_ai_foundry": {
		ARMType: "Microsoft.MachineLearningServices/workspaces", APIVersion: machineLearningAPIVersion,
		Constants: []Const{{ARM: "kind", Value: cty.StringVal("Hub")}},
		Block: Block{
			Fields: append(workspaceCommon(),
				Field{Arg: "key_vault_id", ARM: "properties.keyVault", Transform: str},
				Field{Arg: "storage_account_id", ARM: "properties.storageAccount", Transform: str},
				Field{Arg: "application_insights_id", ARM: "properties.applicationInsights", Transform: str},
				Field{Arg: "container_registry_id", ARM: "properties.containerRegistry", Transform: str},
				Field{Arg: "public_network_access", ARM: "properties.publicNetworkAccess", Transform: str, Default: cty.StringVal("Enabled")},
				Field{Arg: "high_business_impact_enabled", ARM: "properties.hbiWorkspace", Transform: boolean, Default: cty.False},
			),
			Blocks: []Block{
				identity(),
				workspaceEncryption(),
				{
					Name: "managed_network", ARM: "properties.managedNetwork",
					Fields: []Field{{Arg: "isolation_mode", ARM: "isolationMode", Transform: str}},
				},
			},
		},
	},
	// A Foundry hub project: a workspace of kind Project, which takes its network from its hub.
	"azurerm_ai_foundry_project": {
		ARMType: "Microsoft.MachineLearningServices/workspaces", APIVersion: machineLearningAPIVersion,
		Constants: []Const{{ARM: "kind", Value: cty.StringVal("Project")}},
		Block: Block{
			Fields: append(workspaceCommon(),
				Field{Arg: "ai_services_hub_id", ARM: "properties.hubResourceId", Transform: str},
				Field{Arg: "high_business_impact_enabled", ARM: "properties.hbiWorkspace", Transform: boolean, Default: cty.False},
			),
			Blocks: []Block{identity()},
		},
	},
	"azurerm_machine_learning_workspace": {
		ARMType: "Microsoft.MachineLearningServices/workspaces", APIVersion: machineLearningAPIVersion,
		// The provider always sends provisionNetworkNow, false unless managed_network asks for it.
		Constants: []Const{{ARM: "properties.provisionNetworkNow", Value: cty.False}},
		Block: Block{
			Fields: append(workspaceCommon(),
				Field{Arg: "kind", ARM: "kind", Transform: str, Default: cty.StringVal("Default")},
				Field{Arg: "sku_name", ARM: "sku.name", Transform: str, Default: cty.StringVal("Basic")},
				Field{Arg: "sku_name", ARM: "sku.tier", Transform: str, Default: cty.StringVal("Basic")},
				Field{Arg: "key_vault_id", ARM: "properties.keyVault", Transform: str},
				Field{Arg: "storage_account_id", ARM: "properties.storageAccount", Transform: str},
				Field{Arg: "application_insights_id", ARM: "properties.applicationInsights", Transform: str},
				Field{Arg: "container_registry_id", ARM: "properties.containerRegistry", Transform: str},
				Field{Arg: "image_build_compute_name", ARM: "properties.imageBuildCompute", Transform: str},
				// The provider's documentation calls it access behind a virtual network; its code writes
				// publicNetworkAccess.
				Field{Arg: "public_network_access_enabled", ARM: "properties.publicNetworkAccess", Transform: enabled, Default: cty.True},
				Field{Arg: "high_business_impact", ARM: "properties.hbiWorkspace", Transform: boolean},
				Field{Arg: "service_side_encryption_enabled", ARM: "properties.enableServiceSideCMKEncryption", Transform: boolean, Default: cty.False},
				Field{Arg: "v1_legacy_mode_enabled", ARM: "properties.v1LegacyMode", Transform: boolean, Default: cty.False},
				Field{Arg: "storage_account_access_type", ARM: "properties.systemDatastoresAuthMode", Transform: str, Default: cty.StringVal("AccessKey")},
			),
			Blocks: []Block{
				identity(),
				workspaceEncryption(),
				{
					Name: "managed_network",
					Fields: []Field{
						{Arg: "isolation_mode", ARM: "properties.managedNetwork.isolationMode", Transform: str},
						{Arg: "provision_on_creation_enabled", ARM: "properties.provisionNetworkNow", Transform: boolean},
					},
				},
				{
					Name: "serverless_compute", ARM: "properties.serverlessComputeSettings",
					Fields: []Field{
						{Arg: "subnet_id", ARM: "serverlessComputeCustomSubnet", Transform: str},
						{Arg: "public_ip_enabled", ARM: "serverlessComputeNoPublicIP", Transform: inverted, Default: cty.False},
					},
				},
			},
		},
	},
	"azurerm_machine_learning_compute_instance": {
		ARMType: "Microsoft.MachineLearningServices/workspaces/computes", APIVersion: machineLearningAPIVersion,
		Parent: "machine_learning_workspace_id",
		Constants: []Const{
			{ARM: "properties.computeType", Value: cty.StringVal("ComputeInstance")},
			// Without an ssh block the provider closes SSH; the block opens it.
			{ARM: "properties.properties.sshSettings.sshPublicAccess", Value: cty.StringVal("Disabled")},
		},
		Block: Block{
			Fields: append(computeCommon(),
				Field{Arg: "virtual_machine_size", ARM: "properties.properties.vmSize", Transform: str},
				Field{Arg: "authorization_type", ARM: "properties.properties.computeInstanceAuthorizationType", Transform: str},
			),
			Blocks: []Block{
				identity(),
				{
					Name: "ssh", ARM: "properties.properties.sshSettings",
					Present: []Const{{ARM: "sshPublicAccess", Value: cty.StringVal("Enabled")}},
					Fields:  []Field{{Arg: "public_key", ARM: "adminPublicKey", Transform: str}},
				},
				{
					Name: "assign_to_user", ARM: "properties.properties.personalComputeInstanceSettings.assignedUser",
					Fields: []Field{
						{Arg: "object_id", ARM: "objectId", Transform: str},
						{Arg: "tenant_id", ARM: "tenantId", Transform: str},
					},
				},
			},
		},
	},
	"azurerm_machine_learning_compute_cluster": {
		ARMType: "Microsoft.MachineLearningServices/workspaces/computes", APIVersion: machineLearningAPIVersion,
		Parent:    "machine_learning_workspace_id",
		Constants: []Const{{ARM: "properties.computeType", Value: cty.StringVal("AmlCompute")}},
		Block: Block{
			Fields: append(computeCommon(),
				Field{Arg: "location", ARM: "properties.computeLocation", Transform: str},
				Field{Arg: "vm_size", ARM: "properties.properties.vmSize", Transform: str},
				Field{Arg: "vm_priority", ARM: "properties.properties.vmPriority", Transform: str},
				Field{Arg: "ssh_public_access_enabled", ARM: "properties.properties.remoteLoginPortPublicAccess", Transform: enabled, Default: cty.False},
			),
			Blocks: []Block{
				identity(),
				{
					Name: "scale_settings", ARM: "properties.properties.scaleSettings",
					Fields: []Field{
						{Arg: "max_node_count", ARM: "maxNodeCount", Transform: number},
						{Arg: "min_node_count", ARM: "minNodeCount", Transform: number},
						{Arg: "scale_down_nodes_after_idle_duration", ARM: "nodeIdleTimeBeforeScaleDown", Transform: str},
					},
				},
				{
					Name: "ssh", ARM: "properties.properties.userAccountCredentials",
					Fields: []Field{
						{Arg: "admin_username", ARM: "adminUserName", Transform: str},
						{Arg: "admin_password", ARM: "adminUserPassword", Transform: str},
						{Arg: "key_value", ARM: "adminUserSshPublicKey", Transform: str},
					},
				},
			},
		},
	},
	"azurerm_machine_learning_workspace_network_outbound_rule_fqdn": outboundRule("FQDN",
		Field{Arg: "destination_fqdn", ARM: "properties.destination", Transform: str}),
	"azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint": outboundRule("PrivateEndpoint",
		Field{Arg: "service_resource_id", ARM: "properties.destination.serviceResourceId", Transform: str},
		Field{Arg: "sub_resource_target", ARM: "properties.destination.subresourceTarget", Transform: str},
		Field{Arg: "spark_enabled", ARM: "properties.destination.sparkEnabled", Transform: boolean, Default: cty.False}),
	"azurerm_machine_learning_workspace_network_outbound_rule_service_tag": outboundRule("ServiceTag",
		Field{Arg: "service_tag", ARM: "properties.destination.serviceTag", Transform: str},
		Field{Arg: "protocol", ARM: "properties.destination.protocol", Transform: str},
		Field{Arg: "port_ranges", ARM: "properties.destination.portRanges", Transform: str}),
}

// workspaceCommon holds the arguments of every kind of workspace.
func workspaceCommon() []Field {
	return []Field{
		{Arg: "name", ARM: "name", Transform: str},
		{Arg: "location", ARM: "location", Transform: str},
		{Arg: "description", ARM: "properties.description", Transform: str},
		{Arg: "friendly_name", ARM: "properties.friendlyName", Transform: str},
		{Arg: "primary_user_assigned_identity", ARM: "properties.primaryUserAssignedIdentity", Transform: str},
		{Arg: "tags", ARM: "tags", Transform: anyVal},
	}
}

// workspaceEncryption is the encryption block of a workspace or hub: its presence turns on a customer key.
func workspaceEncryption() Block {
	return Block{
		Name: "encryption", ARM: "properties.encryption",
		Present: []Const{{ARM: "status", Value: cty.StringVal("Enabled")}},
		Fields: []Field{
			{Arg: "key_vault_id", ARM: "keyVaultProperties.keyVaultArmId", Transform: str},
			{Arg: "key_id", ARM: "keyVaultProperties.keyIdentifier", Transform: str},
			{Arg: "user_assigned_identity_id", ARM: "identity.userAssignedIdentity", Transform: str},
		},
	}
}

// computeCommon holds the arguments compute instances and clusters share.
func computeCommon() []Field {
	return []Field{
		{Arg: "name", ARM: "name", Transform: str},
		{Arg: "description", ARM: "properties.description", Transform: str},
		{Arg: "local_auth_enabled", ARM: "properties.disableLocalAuth", Transform: inverted, Default: cty.True},
		{Arg: "subnet_resource_id", ARM: "properties.properties.subnet.id", Transform: str},
		{Arg: "node_public_ip_enabled", ARM: "properties.properties.enableNodePublicIp", Transform: boolean, Default: cty.True},
		{Arg: "tags", ARM: "tags", Transform: anyVal},
	}
}

// outboundRule is an azurerm_machine_learning_workspace_network_outbound_rule_* resource: one resource
// type per rule type, with the destination that type takes.
func outboundRule(ruleType string, destination ...Field) *Resource {
	return &Resource{
		ARMType: "Microsoft.MachineLearningServices/workspaces/outboundRules", APIVersion: machineLearningAPIVersion,
		Parent: "workspace_id",
		Constants: []Const{
			{ARM: "properties.type", Value: cty.StringVal(ruleType)},
			{ARM: "properties.category", Value: cty.StringVal("UserDefined")},
		},
		Block: Block{Fields: append([]Field{{Arg: "name", ARM: "name", Transform: str}}, destination...)},
	}
}
