package checks

import (
	"github.com/aigate-dev/aigate/model"
	"github.com/zclconf/go-cty/cty"
)

func init() {
	register(&Rule{
		ID:       "AIG201",
		Name:     "ai-account-local-auth",
		Severity: model.High,
		Title:    "AI account accepts API keys",
		Description: "An Azure OpenAI or AI Services account whose local authentication is on accepts its two " +
			"account keys on every request. Keys are long-lived shared secrets: they are not tied to a person, " +
			"leave no identity in the logs and are easily copied into code. Azure Policy treats an absent " +
			"disableLocalAuth as non-compliant, and azurerm sends local_auth_enabled = true unless told otherwise. " +
			"Turn keys off and grant Microsoft Entra ID roles (Cognitive Services OpenAI User) instead.",
		Remediation: Remediation{
			Terraform: "Set `local_auth_enabled = false` on azurerm_cognitive_account (`local_authentication_enabled = false` " +
				"on azurerm_ai_services), or `properties.disableLocalAuth = true` in an azapi body, and give callers " +
				"Entra ID role assignments.",
			Bicep: "Set `properties: { disableLocalAuth: true }` on the Microsoft.CognitiveServices/accounts resource and give " +
				"callers Entra ID role assignments.",
			ARM: "Set `\"disableLocalAuth\": true` under the account's `properties` and give callers Entra ID role assignments.",
		},
		References: []string{
			"https://learn.microsoft.com/azure/ai-services/disable-local-auth",
			"https://learn.microsoft.com/security/benchmark/azure/baselines/azure-openai-security-baseline#im-1-use-centralized-identity-and-authentication-system",
			"Azure Policy 71ef260a-8f18-47b7-abcb-62d0673d94dc",
			"PSRule Azure.AI.DisableLocalAuth (AZR-000282)",
		},
		Run: func(p *Pass) error {
			const path = "properties.disableLocalAuth"
			for r := range p.Judge(aiAccountType) {
				v := r.Get(path)
				if isTrue(v) {
					continue
				}
				p.Report(r, path, []*model.Value{v}, "%s %s API keys (%s); %s",
					aiAccountNoun(r), maybe("accepts", "may accept", v), evidence(r, path, v, "the service default false applies"), want(r, path, v, cty.True))
			}
			return nil
		},
	})
}
