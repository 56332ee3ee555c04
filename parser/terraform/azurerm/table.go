// Package azurerm maps azurerm resources to the ARM shape: one declarative table per resource type,
// argument path → ARM path, a transform, and the value the provider sends when the argument is absent.
// The facts come from the provider's source (../shared/reference/azure-ai-controls.md section 6).
package azurerm

import (
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/zclconf/go-cty/cty"
)

// Resource is the mapping of one azurerm resource type.
type Resource struct {
	ARMType    string
	APIVersion string
	// Kind is fixed by resource types that stand for one kind, such as azurerm_ai_services.
	Kind string
	// PatchTarget names the argument that points at the resource this one changes; empty for resources
	// that create something.
	PatchTarget string
	Block
}

// Block maps a block (or the resource body itself) to an ARM object or array.
type Block struct {
	// Name is the Terraform block type; empty for the resource body.
	Name string
	// ARM is the path of the object (or array, when List) relative to the enclosing block's.
	ARM string
	// List blocks repeat and become an ARM array.
	List   bool
	Fields []Field
	Blocks []Block
	// Present holds ARM values that the block's mere presence sets, relative to the block's ARM path.
	Present []Const
}

// Field maps one argument.
type Field struct {
	Arg string
	// ARM is the path relative to the enclosing block's ARM path.
	ARM       string
	Transform Transform
	// Default is the value the provider sends when the argument is absent, in Terraform terms
	// (true for local_auth_enabled); cty.NilVal when it sends nothing.
	Default cty.Value
}

// Const is a fixed ARM value.
type Const struct {
	ARM   string
	Value cty.Value
}

// Transform converts an argument's value to its ARM value and back. Both directions take and return
// unmarked values and must accept unknown and null ones.
type Transform struct {
	// Type is the Terraform type the argument is converted to first.
	Type  cty.Type
	ToARM func(cty.Value) cty.Value
	// FromARM gives the Terraform value for an ARM value, for messages.
	FromARM func(cty.Value) cty.Value
}

// Identity passes a value of type t through.
func Identity(t cty.Type) Transform {
	same := func(v cty.Value) cty.Value { return v }
	return Transform{Type: t, ToARM: same, FromARM: same}
}

var (
	str        = Identity(cty.String)
	boolean    = Identity(cty.Bool)
	stringList = Identity(cty.List(cty.String))
	anyVal     = Identity(cty.DynamicPseudoType)
)

// inverted is a bool whose ARM twin says the opposite: local_auth_enabled ↔ disableLocalAuth.
var inverted = Transform{
	Type:    cty.Bool,
	ToARM:   invertBool,
	FromARM: invertBool,
}

func invertBool(v cty.Value) cty.Value {
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.Bool {
		return v
	}
	return v.Not()
}

// enabled is a bool whose ARM twin is the string Enabled or Disabled.
var enabled = Transform{
	Type: cty.Bool,
	ToARM: func(v cty.Value) cty.Value {
		if !v.IsKnown() || v.IsNull() || v.Type() != cty.Bool {
			return v
		}
		if v.True() {
			return cty.StringVal("Enabled")
		}
		return cty.StringVal("Disabled")
	},
	FromARM: func(v cty.Value) cty.Value {
		if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
			return v
		}
		return cty.BoolVal(strings.EqualFold(v.AsString(), "Enabled"))
	},
}

// valueObjects turns a list of strings into ARM's [{value: s}] arrays (ipRules).
var valueObjects = Transform{
	Type: cty.List(cty.String),
	ToARM: func(v cty.Value) cty.Value {
		if !v.IsWhollyKnown() || v.IsNull() || v.LengthInt() == 0 {
			return v
		}
		var out []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, s := it.Element()
			out = append(out, cty.ObjectVal(map[string]cty.Value{"value": s}))
		}
		return cty.TupleVal(out)
	},
	FromARM: func(v cty.Value) cty.Value { return v },
}

// identityMap turns a list of identity IDs into ARM's userAssignedIdentities object keyed by ID.
var identityMap = Transform{
	Type: cty.List(cty.String),
	ToARM: func(v cty.Value) cty.Value {
		if !v.IsWhollyKnown() || v.IsNull() {
			return v
		}
		out := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			_, id := it.Element()
			if !id.IsNull() {
				out[id.AsString()] = cty.EmptyObjectVal
			}
		}
		return cty.ObjectVal(out)
	},
	FromARM: func(v cty.Value) cty.Value { return v },
}

// keyVaultKey splits a Key Vault key ID (https://vault.vault.azure.net/keys/name/version) into ARM's
// keyVaultProperties, as the provider does.
var keyVaultKey = Transform{
	Type: cty.String,
	ToARM: func(v cty.Value) cty.Value {
		if !v.IsKnown() || v.IsNull() {
			return v
		}
		id := v.AsString()
		props := map[string]cty.Value{"keyVaultUri": cty.StringVal(id)}
		if i := strings.Index(id, "/keys/"); i >= 0 {
			props["keyVaultUri"] = cty.StringVal(id[:i+1])
			name, version, _ := strings.Cut(id[i+len("/keys/"):], "/")
			props["keyName"] = cty.StringVal(name)
			if version != "" {
				props["keyVersion"] = cty.StringVal(version)
			}
		}
		return cty.ObjectVal(props)
	},
	FromARM: func(v cty.Value) cty.Value { return v },
}

// Lookup returns the mapping of an azurerm resource type.
func Lookup(tfType string) (*Resource, bool) {
	r, ok := resources[tfType]
	return r, ok
}

// Spelling returns how this resource type writes ARM paths and values, for messages.
func (r *Resource) Spelling() model.Spelling { return spelling{r} }
