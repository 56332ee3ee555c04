package azurerm

import (
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Transform converts an argument's value to its ARM value and back. Both directions take and return
// unmarked values and must accept unknown and null ones.
type Transform struct {
	// Type is the Terraform type the argument is converted to first.
	Type  cty.Type
	ToARM func(cty.Value) cty.Value
	// FromARM gives the Terraform value for an ARM value, for messages.
	FromARM func(cty.Value) cty.Value
}

// apply converts an argument's value to the argument's type and then to ARM. The result keeps the range
// of each node of v whose shape it keeps, and carries at its root the references of every node of v, as
// the value computed from all of them. An unknown value stays as it is, and so does a value of the wrong
// type: no rule will take it for a secure setting, and Terraform itself rejects it.
func (t Transform) apply(v *model.Value) *model.Value {
	if !v.IsKnown() {
		return v
	}
	conv, err := convert.Convert(v.Cty(), t.Type)
	if err != nil {
		return v
	}
	out := reshape(t.ToARM(conv), v, v.Range)
	out.Refs = v.AllRefs()
	return out
}

// reshape makes a model value of v. Where v keeps the shape of like (the same member names, a list of
// the same length), its nodes take the ranges and references of like's; elsewhere they take rng, the
// range of the nearest node that matched.
func reshape(v cty.Value, like *model.Value, rng hcl.Range) *model.Value {
	var refs []model.Ref
	if like != nil {
		rng, refs = like.Range, like.Refs
	}
	if !v.IsKnown() {
		if like != nil && like.State == model.Unknown {
			return like
		}
		return model.NewUnknown(rng, refs...)
	}
	var node *model.Value
	ty := v.Type()
	switch {
	case v.IsNull():
		node = model.NewPrimitive(v, rng, model.Set)
	case ty.IsObjectType() || ty.IsMapType():
		var fields []model.Field
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			var child *model.Value
			if like.IsObject() {
				child = like.Field(k.AsString())
			}
			fields = append(fields, model.Field{Name: k.AsString(), Value: reshape(ev, child, rng)})
		}
		node = model.NewObject(rng, model.Set, fields...)
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		likeElems := like.Elems()
		if ty.IsSetType() || len(likeElems) != v.LengthInt() {
			likeElems = nil
		}
		var elems []*model.Value
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			var child *model.Value
			if likeElems != nil {
				child = likeElems[len(elems)]
			}
			elems = append(elems, reshape(ev, child, rng))
		}
		node = model.NewList(rng, model.Set, elems...)
	default:
		node = model.NewPrimitive(v, rng, model.Set)
	}
	node.Refs = refs
	return node
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
