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
	// values, when set, does what ToARM does over model values, for a transform that moves the nodes of
	// a value (a map's entries into a list) so that they keep their ranges and references.
	values func(*model.Value) *model.Value
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
	var out *model.Value
	if t.values != nil {
		out = t.values(v)
	} else {
		out = reshape(t.ToARM(conv), v, v.Range)
	}
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
	number     = Identity(cty.Number)
	stringList = Identity(cty.List(cty.String))
	stringMap  = Identity(cty.Map(cty.String))
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

// valueObjects turns a list of strings into ARM's [{value: s}] arrays (ipRules). Each element keeps the
// range and references of the string it was written with, known or not.
var valueObjects = wrapEach("value")

// idObjects turns a list of resource IDs into ARM's [{id: s}] arrays (a Key Vault's virtualNetworkRules).
var idObjects = wrapEach("id")

// wrapEach turns a list of strings into an ARM array of objects that hold each string as member.
func wrapEach(member string) Transform {
	return Transform{
		Type: cty.List(cty.String),
		ToARM: func(v cty.Value) cty.Value {
			if !v.IsKnown() || v.IsNull() || v.LengthInt() == 0 {
				return v
			}
			var out []cty.Value
			for it := v.ElementIterator(); it.Next(); {
				_, s := it.Element()
				out = append(out, cty.ObjectVal(map[string]cty.Value{member: s}))
			}
			return cty.TupleVal(out)
		},
		FromARM: func(v cty.Value) cty.Value {
			if !v.IsWhollyKnown() || v.IsNull() || !v.Type().IsListType() && !v.Type().IsTupleType() {
				return v
			}
			var out []cty.Value
			for it := v.ElementIterator(); it.Next(); {
				_, obj := it.Element()
				if !obj.Type().IsObjectType() || !obj.Type().HasAttribute(member) {
					return v
				}
				out = append(out, obj.GetAttr(member))
			}
			if len(out) == 0 {
				return cty.ListValEmpty(cty.String)
			}
			return cty.TupleVal(out)
		},
		values: func(v *model.Value) *model.Value {
			if !v.IsList() {
				return v
			}
			elems := make([]*model.Value, len(v.Elems()))
			for i, e := range v.Elems() {
				elems[i] = model.NewObject(e.Range, model.Set, model.Field{Name: member, Value: e})
			}
			return model.NewList(v.Range, model.Set, elems...)
		},
	}
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
	FromARM: func(v cty.Value) cty.Value {
		if !v.IsKnown() || v.IsNull() || !v.Type().IsObjectType() && !v.Type().IsMapType() {
			return v
		}
		var ids []cty.Value
		for _, id := range names(v) {
			ids = append(ids, cty.StringVal(id))
		}
		if len(ids) == 0 {
			return cty.ListValEmpty(cty.String)
		}
		return cty.ListVal(ids)
	},
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
	FromARM: func(v cty.Value) cty.Value {
		if !v.IsWhollyKnown() || v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute("keyVaultUri") {
			return v
		}
		id := v.GetAttr("keyVaultUri").AsString()
		if v.Type().HasAttribute("keyName") {
			id = strings.TrimSuffix(id, "/") + "/keys/" + v.GetAttr("keyName").AsString()
			if v.Type().HasAttribute("keyVersion") {
				id += "/" + v.GetAttr("keyVersion").AsString()
			}
		}
		return cty.StringVal(id)
	},
}

// nameValueList turns a map into ARM's [{name: k, value: v}] arrays (a web app's appSettings). Each
// entry keeps the range and references of the value it was written with, known or not.
var nameValueList = Transform{
	Type: cty.Map(cty.String),
	ToARM: func(v cty.Value) cty.Value {
		if !v.IsKnown() || v.IsNull() {
			return v
		}
		var out []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			k, value := it.Element()
			out = append(out, cty.ObjectVal(map[string]cty.Value{"name": k, "value": value}))
		}
		return cty.TupleVal(out)
	},
	FromARM: func(v cty.Value) cty.Value {
		if !v.IsWhollyKnown() || v.IsNull() || !v.Type().IsListType() && !v.Type().IsTupleType() {
			return v
		}
		settings := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			_, pair := it.Element()
			if !pair.Type().IsObjectType() || !pair.Type().HasAttribute("name") || !pair.Type().HasAttribute("value") || pair.GetAttr("name").Type() != cty.String {
				return v
			}
			settings[pair.GetAttr("name").AsString()] = pair.GetAttr("value")
		}
		return cty.ObjectVal(settings)
	},
	values: func(v *model.Value) *model.Value {
		var elems []*model.Value
		for _, f := range v.Fields() {
			value := f.Value
			if conv, err := convert.Convert(value.Cty(), cty.String); err == nil && value.IsKnown() && !value.IsObject() && !value.IsList() {
				value = model.NewPrimitive(conv, value.Range, value.State)
				value.Refs = f.Value.Refs
			}
			elems = append(elems, model.NewObject(f.Value.Range, model.Set,
				model.Field{Name: "name", Value: model.NewPrimitive(cty.StringVal(f.Name), f.Value.Range, model.Set)},
				model.Field{Name: "value", Value: value}))
		}
		return model.NewList(v.Range, model.Set, elems...)
	},
}

// roleDefinitionsPath is where ARM keeps role definitions; a built-in role's ID is it and the role's GUID.
const roleDefinitionsPath = "/providers/Microsoft.Authorization/roleDefinitions/"

// builtInRoles are the GUIDs of the built-in roles that an AI deployment assigns or that give away
// control, by name. They are the same in every tenant, and public: role identifiers, not credentials.
var builtInRoles = map[string]string{ //nolint:gosec // G101 takes the role names for credential names
	"Owner":                     "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
	"Contributor":               "b24988ac-6180-42a0-ab88-20f7382dd24c",
	"Reader":                    "acdd72a7-3385-48ef-bd42-f606fba81ae7",
	"User Access Administrator": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
	"Role Based Access Control Administrator":  "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
	"Cognitive Services Contributor":           "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68",
	"Cognitive Services User":                  "a97b65f3-24c7-4388-baec-2e87135dc908",
	"Cognitive Services OpenAI Contributor":    "a001fd3d-188f-4b5d-821b-7da978bf7442",
	"Cognitive Services OpenAI User":           "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
	"Azure AI Administrator":                   "b78c5d69-af96-48a3-bf8d-a8b4d589de94",
	"Azure AI Developer":                       "64702f94-c441-49e6-a78b-ef80e0188fee",
	"Search Index Data Contributor":            "8ebe5a00-799e-43f5-93ac-243d3dce84a7",
	"Search Index Data Reader":                 "1407120a-92aa-4202-b7e9-c0e197c71c8f",
	"Search Service Contributor":               "7ca78c08-252a-4471-8644-bb5ff32d4ba0",
	"Storage Blob Data Contributor":            "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
	"Storage Blob Data Owner":                  "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
	"Storage Blob Data Reader":                 "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
	"Key Vault Administrator":                  "00482a5a-887f-4fb3-b363-3b7fe8e74483",
	"Key Vault Crypto Service Encryption User": "e147488a-f6f5-4113-8e2d-b22465e65bf6",
	"Key Vault Crypto User":                    "12338af0-0e69-4776-bea7-57ae8d297424",
	"Key Vault Secrets User":                   "4633458b-17de-408a-b874-0445c86b69e6",
	"AcrPull":                                  "7f951dda-4ed3-4680-a7ca-43fe172d538d",
}

// roleByName turns role_definition_name into the roleDefinitionId the provider looks up. The provider
// asks Azure at deployment; a built-in role's ID is known before, any other role's only then.
var roleByName = Transform{
	Type: cty.String,
	ToARM: func(v cty.Value) cty.Value {
		if !v.IsKnown() || v.IsNull() {
			return v
		}
		for name, guid := range builtInRoles {
			if strings.EqualFold(name, v.AsString()) {
				return cty.StringVal(roleDefinitionsPath + guid)
			}
		}
		return cty.UnknownVal(cty.String)
	},
	FromARM: func(v cty.Value) cty.Value {
		if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
			return v
		}
		guid := v.AsString()[strings.LastIndex(v.AsString(), "/")+1:]
		for name, builtIn := range builtInRoles {
			if strings.EqualFold(guid, builtIn) {
				return cty.StringVal(name)
			}
		}
		return v
	},
}
