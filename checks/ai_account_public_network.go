package checks

import (
	"github.com/aigate-dev/aigate/model"
	"github.com/zclconf/go-cty/cty"
)

func init() {
	register(&Rule{
		ID:       "AIG101",
		Name:     "ai-account-public-network",
		Severity: model.High,
		Title:    "AI account is reachable from any network",
		Description: "An Azure OpenAI or AI Services account is open to the internet unless public network access " +
			"is Disabled or its network ACLs deny by default. Both are absent by default: azurerm sends " +
			"public_network_access_enabled = true and no network_acls, and Azure Policy treats absent values as " +
			"non-compliant. An open endpoint leaves a leaked key or token usable from anywhere and exposes the " +
			"model and its data to scanning and abuse.",
		Remediation: Remediation{
			Terraform: "Set `public_network_access_enabled = false` and reach the account through an azurerm_private_endpoint, " +
				"or add `network_acls { default_action = \"Deny\" }` with the IP ranges and subnets that need access " +
				"(azurerm_ai_services: `public_network_access = \"Disabled\"`; azapi: `properties.publicNetworkAccess = \"Disabled\"`).",
			Bicep: "Set `publicNetworkAccess: 'Disabled'` and add a Microsoft.Network/privateEndpoints resource, or set " +
				"`networkAcls: { defaultAction: 'Deny', ipRules: [...], virtualNetworkRules: [...] }` under `properties`.",
			ARM: "Set `\"publicNetworkAccess\": \"Disabled\"` and add a private endpoint, or set " +
				"`\"networkAcls\": {\"defaultAction\": \"Deny\"}` with explicit rules under `properties`.",
		},
		References: []string{
			"https://learn.microsoft.com/azure/ai-services/cognitive-services-virtual-networks",
			"https://learn.microsoft.com/security/benchmark/azure/baselines/azure-openai-security-baseline#ns-2-secure-cloud-services-with-network-controls",
			"Azure Policy 037eea7a-bd0a-46c5-9a66-03aea78705d3",
			"PSRule Azure.AI.PublicAccess (AZR-000280)",
		},
		Run: func(p *Pass) error {
			const (
				accessPath = "properties.publicNetworkAccess"
				aclsPath   = "properties.networkAcls"
				aclPath    = aclsPath + ".defaultAction"
			)
			for r := range p.Judge(aiAccountType) {
				access, acl := r.Get(accessPath), r.Get(aclPath)
				aclEvidence := evidence(r, aclPath, acl, "")
				if acls := r.Get(aclsPath); acls == nil || acls.IsNull() {
					aclEvidence = evidence(r, aclsPath, nil, "no network rule limits access")
				}
				if isString(access, "Disabled") || isString(acl, "Deny") {
					continue
				}
				property := accessPath
				if at := written(access, acl); at != nil && at == acl {
					property = aclPath
				}
				p.Report(r, property, []*model.Value{access, acl}, "%s %s reachable from any network (%s; %s); %s, or deny by default in %s",
					aiAccountNoun(r), maybe("is", "may be", access, acl),
					evidence(r, accessPath, access, `the service default "Enabled" applies`), aclEvidence,
					want(r, accessPath, access, cty.StringVal("Disabled")), r.SpellingOf(acl).Path(aclsPath))
			}
			return nil
		},
	})
}
