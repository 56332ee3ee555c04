package checks

import (
	"github.com/aigate-dev/aigate/model"
	"github.com/zclconf/go-cty/cty"
)

func init() {
	register(&Rule{
		ID:       "AIG301",
		Name:     "ai-account-no-cmk",
		Severity: model.Medium,
		Title:    "AI account data is not encrypted with a customer-managed key",
		Description: "Without a customer-managed key, the data an AI account stores (fine-tuning files, uploaded " +
			"documents, stored completions, batch jobs) is encrypted with a key Microsoft holds and rotates; you " +
			"cannot revoke access to it or prove its destruction by disabling the key. A customer_managed_key block, " +
			"an azurerm_cognitive_account_customer_managed_key resource or encryption.keySource = Microsoft.KeyVault " +
			"puts the key in your own Key Vault.",
		Remediation: Remediation{
			Terraform: "Add a `customer_managed_key { key_vault_key_id = ..., identity_client_id = ... }` block to the account, or an " +
				"`azurerm_cognitive_account_customer_managed_key` resource that targets it; the account needs a managed identity " +
				"with get, wrapKey and unwrapKey on the key (azapi: `properties.encryption.keySource = \"Microsoft.KeyVault\"`).",
			Bicep: "Set `encryption: { keySource: 'Microsoft.KeyVault', keyVaultProperties: { keyVaultUri: ..., keyName: ..., " +
				"keyVersion: ..., identityClientId: ... } }` under `properties`.",
			ARM: "Set `\"encryption\": {\"keySource\": \"Microsoft.KeyVault\", \"keyVaultProperties\": {...}}` under `properties`.",
		},
		References: []string{
			"https://learn.microsoft.com/azure/ai-services/openai/encrypt-data-at-rest",
			"https://learn.microsoft.com/security/benchmark/azure/baselines/azure-openai-security-baseline#dp-5-use-customer-managed-key-option-in-data-at-rest-encryption-when-required",
			"Azure Policy 67121cc7-ff39-4ab8-b7e3-95b84dab487d",
		},
		Run: func(p *Pass) error {
			const path = "properties.encryption.keySource"
			for r := range p.Judge(aiAccountType) {
				v := r.Get(path)
				if isString(v, "Microsoft.KeyVault") {
					continue
				}
				p.Report(r, path, []*model.Value{v}, "%s %s encrypted with a customer-managed key (%s); %s with a key from your Key Vault",
					aiAccountNoun(r), maybe("is not", "may not be", v), evidence(r, path, v, "Microsoft-managed keys apply"),
					want(r, path, v, cty.StringVal("Microsoft.KeyVault")))
			}
			return nil
		},
	})
}
