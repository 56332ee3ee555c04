// Package corpusgen writes a synthetic Terraform tree of Azure AI modules for benchmarks. The modules
// are shaped like hand-written code (variables feeding locals feeding resources, nested blocks, count)
// so that a scan over them has the work a real repository gives it: references to resolve, functions
// to call, count to expand.
package corpusgen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"text/template"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Generate writes n module folders under dir and returns the number of lines written.
func Generate(dir string, n int) (lines int, err error) {
	return GenerateSeeded(dir, n, 0)
}

// GenerateSeeded is Generate with another seed, for a tree whose findings fall elsewhere. The same
// seed always writes the same bytes.
func GenerateSeeded(dir string, n int, seed uint64) (lines int, err error) {
	for i := range n {
		m := newModule(i, seed)
		folder := filepath.Join(dir, m.Name)
		if err := os.MkdirAll(folder, 0o750); err != nil {
			return lines, err
		}
		for _, file := range templateFiles {
			var buf bytes.Buffer
			if err := tmpl.ExecuteTemplate(&buf, file, m); err != nil {
				return lines, fmt.Errorf("%s/%s: %w", m.Name, file, err)
			}
			// Leaving out an optional attribute moves the column the = signs align to, which the
			// templates cannot know, so terraform fmt's layout is applied after rendering.
			src := hclwrite.Format(buf.Bytes())
			if err := os.WriteFile(filepath.Join(folder, file), src, 0o600); err != nil {
				return lines, err
			}
			lines += bytes.Count(src, []byte("\n"))
		}
	}
	return lines, nil
}

// templateFiles are the templates below, each written to the file of the same name.
var templateFiles = []string{"variables.tf", "locals.tf", "main.tf", "outputs.tf"}

type module struct {
	Name        string
	Index       int
	Prefix      string
	Location    string
	Team        string
	LocalAuth   bool
	AllowedIPs  []string
	Replicas    int
	Replication string
	MinTLS      bool
	PurgeGuard  bool
	Accounts    []account
}

type account struct {
	Key           string
	Kind          string
	Suffix        string
	Public        string
	Firewall      bool
	CMK           bool
	Identity      bool
	Subdomain     bool
	Deployments   []deployment
	DefaultAction string
}

type deployment struct {
	Key     string
	Format  string
	Model   string
	Version string
	Sku     string
	RAI     bool
}

var (
	locations    = []string{"swedencentral", "eastus2", "westeurope", "francecentral", "uksouth", "japaneast"}
	teams        = []string{"search", "assistants", "platform", "insights", "support"}
	replications = []string{"LRS", "ZRS", "GRS", "RAGRS"}
	// publicAccess leaves the attribute out a third of the time, as hand-written code often does,
	// so that a check has to know the provider's default.
	publicAccess = []string{"", "true", "false"}
	openAIModels = []deployment{
		{Key: "chat", Format: "OpenAI", Model: "gpt-4o", Version: "2024-08-06", Sku: "GlobalStandard"},
		{Key: "mini", Format: "OpenAI", Model: "gpt-4o-mini", Version: "2024-07-18", Sku: "Standard"},
		{Key: "embed", Format: "OpenAI", Model: "text-embedding-3-large", Version: "1", Sku: "Standard"},
	}
	servicesModels = append([]deployment{
		{Key: "phi", Format: "Microsoft", Model: "Phi-4", Version: "7", Sku: "GlobalStandard"},
		{Key: "llama", Format: "Meta", Model: "Llama-3.3-70B-Instruct", Version: "5", Sku: "GlobalStandard"},
	}, openAIModels...)
)

// newModule draws every choice from a generator keyed by the seed and the module index, so a module's
// content does not depend on how many modules come before it.
func newModule(i int, seed uint64) module {
	r := rand.New(rand.NewPCG(seed, uint64(i))) //nolint:gosec // reproducible test data, not secrets
	m := module{
		Name:        fmt.Sprintf("module-%03d", i),
		Index:       i,
		Prefix:      fmt.Sprintf("aig%03d", i),
		Location:    pick(r, locations),
		Team:        pick(r, teams),
		LocalAuth:   r.IntN(3) == 0,
		AllowedIPs:  []string{fmt.Sprintf("203.0.113.%d", 1+r.IntN(254))},
		Replicas:    1 + r.IntN(3),
		Replication: pick(r, replications),
		MinTLS:      r.IntN(2) == 0,
		PurgeGuard:  r.IntN(4) != 0,
	}
	if r.IntN(2) == 0 {
		m.AllowedIPs = append(m.AllowedIPs, fmt.Sprintf("198.51.100.%d/28", 16*r.IntN(16)))
	}
	// secondIn is the one-in-N chance of a second deployment, kept low because deployments are most
	// of a module's lines and the tree is sized to a line budget.
	kinds := []struct {
		key, kind, suffix string
		catalog           []deployment
		secondIn          int
	}{
		{"openai", "OpenAI", "oai", openAIModels, 2},
		{"services", "AIServices", "ais", servicesModels, 4},
		{"language", "TextAnalytics", "lang", openAIModels, 0},
	}
	for _, k := range kinds {
		a := account{
			Key:           k.key,
			Kind:          k.kind,
			Suffix:        k.suffix,
			Public:        pick(r, publicAccess),
			Firewall:      r.IntN(2) == 0,
			Identity:      r.IntN(2) == 0,
			DefaultAction: "Deny",
		}
		// azurerm rejects network_acls on an account without a custom subdomain.
		a.Subdomain = a.Firewall || r.IntN(2) == 0
		a.CMK = a.Identity && r.IntN(2) == 0
		if a.Public != "false" && r.IntN(2) == 0 {
			a.DefaultAction = "Allow"
		}
		n := 1
		if k.secondIn > 0 && r.IntN(k.secondIn) == 0 {
			n = 2
		}
		a.Deployments = deployments(r, k.catalog, n)
		m.Accounts = append(m.Accounts, a)
	}
	return m
}

// deployments draws n consecutive models from catalog. The TextAnalytics account gets OpenAI models
// too, which Azure would refuse at apply time: the tree is there to be read, not deployed.
func deployments(r *rand.Rand, catalog []deployment, n int) []deployment {
	start := r.IntN(len(catalog))
	out := make([]deployment, n)
	for j := range out {
		d := catalog[(start+j)%len(catalog)]
		d.RAI = r.IntN(2) == 0
		out[j] = d
	}
	return out
}

func pick(r *rand.Rand, from []string) string {
	return from[r.IntN(len(from))]
}

// tmpl keeps variables and outputs on one line each and nested blocks without blank lines between
// them, both common in hand-written modules, so that a module with all these resources stays near
// 140 lines, the density the benchmark's 28,000-line tree is meant to have.
var tmpl = template.Must(template.New("corpus").Parse(`
{{- define "variables.tf" -}}
variable "prefix" { default = "{{.Prefix}}" }
variable "location" { default = "{{.Location}}" }
variable "local_auth_enabled" { default = {{.LocalAuth}} }
variable "allowed_ips" { default = [{{range $i, $ip := .AllowedIPs}}{{if $i}}, {{end}}"{{$ip}}"{{end}}] }
variable "sku" { default = "S0" }
variable "replica_count" { default = {{.Replicas}} }
variable "search_count" { default = 2 }
variable "tags" { default = { team = "{{.Team}}", cost_center = "cc-{{printf "%04d" .Index}}" } }
{{end}}

{{- define "locals.tf" -}}
locals {
  name_prefix  = lower(format("%s-%s", var.prefix, var.location))
  environment  = var.replica_count > 1 ? "prod" : "dev"
  common_tags  = merge(var.tags, { module = "{{.Name}}", environment = local.environment })
  subnet_id    = format("%s/providers/Microsoft.Network/virtualNetworks/vnet-%s/subnets/ai", azurerm_resource_group.this.id, local.name_prefix)
  storage_name = lower(format("st%s%s", var.prefix, local.environment))
  cmk_key_id   = format("%skeys/cmk-%s", azurerm_key_vault.this.vault_uri, var.prefix)
  search_sku   = local.environment == "prod" ? "standard" : "basic"
}
{{end}}

{{- define "main.tf" -}}
data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "this" {
  name     = "rg-${local.name_prefix}"
  location = var.location
  tags     = local.common_tags
}
{{range .Accounts}}
resource "azurerm_cognitive_account" "{{.Key}}" {
  name                          = "${local.name_prefix}-{{.Suffix}}"
  location                      = azurerm_resource_group.this.location
  resource_group_name           = azurerm_resource_group.this.name
  kind                          = "{{.Kind}}"
  sku_name                      = var.sku
{{- if .Subdomain}}
  custom_subdomain_name         = "${local.name_prefix}-{{.Suffix}}"
{{- end}}
  local_auth_enabled            = var.local_auth_enabled
{{- with .Public}}
  public_network_access_enabled = {{.}}
{{- end}}
  tags                          = local.common_tags
{{- if .Firewall}}
  network_acls {
    default_action = "{{.DefaultAction}}"
    ip_rules       = var.allowed_ips
    virtual_network_rules { subnet_id = local.subnet_id }
  }
{{- end}}
{{- if .Identity}}
  identity { type = "SystemAssigned" }
{{- end}}
{{- if .CMK}}
  customer_managed_key { key_vault_key_id = local.cmk_key_id }
{{- end}}
}
{{$account := .Key}}{{range .Deployments}}
resource "azurerm_cognitive_deployment" "{{$account}}_{{.Key}}" {
  name                 = "{{.Model}}"
  cognitive_account_id = azurerm_cognitive_account.{{$account}}.id
{{- if .RAI}}
  rai_policy_name      = "Microsoft.DefaultV2"
{{- end}}
  model {
    format  = "{{.Format}}"
    name    = "{{.Model}}"
    version = "{{.Version}}"
  }
  sku { name = "{{.Sku}}" }
}
{{end}}{{end}}
resource "azurerm_storage_account" "this" {
  name                     = local.storage_name
  resource_group_name      = azurerm_resource_group.this.name
  location                 = azurerm_resource_group.this.location
  account_tier             = "Standard"
  account_replication_type = "{{.Replication}}"
{{- if .MinTLS}}
  min_tls_version          = "TLS1_2"
{{- end}}
  tags                     = local.common_tags
  network_rules {
    default_action = "Deny"
    ip_rules       = var.allowed_ips
  }
}

resource "azurerm_key_vault" "this" {
  name                     = "kv-${local.name_prefix}"
  location                 = azurerm_resource_group.this.location
  resource_group_name      = azurerm_resource_group.this.name
  tenant_id                = data.azurerm_client_config.current.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = {{.PurgeGuard}}
  network_acls {
    bypass         = "AzureServices"
    default_action = "Deny"
  }
}

resource "azurerm_search_service" "this" {
  count               = var.search_count
  name                = "${local.name_prefix}-srch-${count.index}"
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  sku                 = local.search_sku
  replica_count       = var.replica_count
}
{{end}}

{{- define "outputs.tf" -}}
output "openai_endpoint" { value = azurerm_cognitive_account.openai.endpoint }
output "services_id" { value = azurerm_cognitive_account.services.id }
output "search_names" { value = azurerm_search_service.this[*].name }
{{end}}
`))
