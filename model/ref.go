package model

import (
	"cmp"
	"slices"
	"strings"
)

// RefKind says what a reference points at.
type RefKind uint8

const (
	// ResourceRef points at a managed resource: azurerm_cognitive_account.oai, a Bicep symbol.
	ResourceRef RefKind = iota + 1
	// DataRef points at a data source or an `existing` resource: known only at deployment.
	DataRef
	// InputRef points at an input that has no value here: a variable or parameter without a default.
	InputRef
	// IDRef points at a resource by its ID; Address is the ResourceID's String(), with "?" for a name
	// segment known only at deployment: what ARM's resourceId() gives.
	IDRef
	// FailedRef marks a value that failed to evaluate; Address is where ("main.tf:16"). The front end
	// reports the failure itself as a diagnostic.
	FailedRef
)

// Ref names something a value was computed from. It is comparable, so front ends can carry it through
// expression evaluation as a cty mark.
type Ref struct {
	Kind RefKind
	// Address is the full address of what is referenced: module.ai.azurerm_cognitive_account.oai[0],
	// var.local_auth, parameters('disableLocalAuth').
	Address string
}

// Targets reports whether the ref points at the resource with the given address: the same address, or
// the whole of a counted or for_each resource whose instance that is.
func (r Ref) Targets(address string) bool {
	if r.Kind != ResourceRef {
		return false
	}
	if r.Address == address {
		return true
	}
	return strings.HasPrefix(address, r.Address) && strings.HasPrefix(address[len(r.Address):], "[")
}

// InstanceBase is the address of the whole of a counted or looped resource: oai for oai[0], oai["a"],
// and for oai["a[1]"]: a bracket inside the quoted key does not open it.
func InstanceBase(address string) string {
	if !strings.HasSuffix(address, "]") {
		return address
	}
	quoted := false
	for i := len(address) - 1; i > 0; i-- {
		switch address[i] {
		case '"':
			if address[i-1] != '\\' {
				quoted = !quoted
			}
		case '[':
			if !quoted {
				return address[:i]
			}
		}
	}
	return address
}

// SortedRefs sorts refs by kind and address, for output that does not depend on map order.
func SortedRefs(refs []Ref) []Ref {
	slices.SortFunc(refs, func(a, b Ref) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Address, b.Address))
	})
	return slices.Compact(refs)
}
