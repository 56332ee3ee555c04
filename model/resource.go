package model

import (
	"github.com/hashicorp/hcl/v2"
)

// Language is the input language a resource was written in. Checks never look at it; writers use it to
// pick the remediation text the user needs.
type Language uint8

const (
	Terraform Language = iota + 1
	Bicep
	ARM
)

func (l Language) String() string {
	switch l {
	case Terraform:
		return "terraform"
	case Bicep:
		return "bicep"
	case ARM:
		return "arm"
	}
	return "unknown"
}

// Resource is one Azure resource in ARM shape, whatever it was written in.
type Resource struct {
	// Type is the ARM resource type, such as Microsoft.CognitiveServices/accounts.
	Type string
	// APIVersion is the declared api-version, or the one the provider uses.
	APIVersion string
	// Address identifies the resource to the user: azurerm_cognitive_account.oai,
	// module.ai.azapi_resource.search["east"], a Bicep symbolic name.
	Address string
	// Range is the resource header, where findings about absent properties land.
	Range hcl.Range
	// Body is the ARM resource body: name, kind, location, sku, identity, properties, ...
	Body *Value
	// NameExpr is the expression that computes the resource's name, as the user wrote it, when the name
	// is known only at deployment: messages then name the resource by it.
	NameExpr string
	// Language is what the resource was written in.
	Language Language
	// Spelling renders ARM paths and values the way the user writes them; nil means ARMSpelling.
	Spelling Spelling
	// Via lists the module calls that lead to the resource, outermost first, for locating findings in
	// modules that live outside the repository.
	Via []hcl.Range

	// ID is the resource's identity: its full type and name (a name segment known only at deployment is
	// "?"), and for an extension resource the ID of what it extends. Joins and the final state compare it.
	ID ResourceID
	// ParentRef names the parent when the front end knows it only as a value: a Bicep `parent:` symbol,
	// an azapi parent_id, an azurerm cognitive_account_id. Nil when ID says it all.
	ParentRef *Value
	// Scope names the resource an extension resource applies to (Bicep and ARM `scope`, azurerm
	// target_resource_id and scope); nil for other resources.
	Scope *Value
	// DependsOn lists what the resource is deployed after besides what its body reads: ARM and Bicep
	// dependsOn, and what the module call or nested deployment that holds it reads and depends on.
	DependsOn []Ref

	// Patch marks a resource that changes another one rather than creating it (azapi_update_resource,
	// azurerm_cognitive_account_customer_managed_key). Link merges it into its target.
	Patch bool
	// Target names the resource a patch applies to.
	Target []Ref
	// ExistenceUnknown marks a resource whose count or for_each cannot be known before deployment: it may
	// not be created at all. A patch of that kind makes what it sets Unknown on its targets.
	ExistenceUnknown bool
	// ExistenceRefs are what that count or for_each comes from.
	ExistenceRefs []Ref
}

// Get returns the body value at a dotted ARM path; see Value.Get.
func (r *Resource) Get(path string) *Value { return r.Body.Get(path) }

// Kind returns the resource's kind when it is known.
func (r *Resource) Kind() (string, bool) { return r.Body.Get("kind").String() }

// Name returns the resource's ARM name when it is known, else the last label of its address.
func (r *Resource) Name() string {
	if n, ok := r.Body.Get("name").String(); ok && n != "" {
		return n
	}
	return lastLabel(r.Address)
}

func lastLabel(address string) string {
	depth := 0
	for i := len(address) - 1; i >= 0; i-- {
		switch address[i] {
		case ']':
			depth++
		case '[':
			depth--
		case '.', '/':
			if depth == 0 {
				return address[i+1:]
			}
		}
	}
	return address
}
