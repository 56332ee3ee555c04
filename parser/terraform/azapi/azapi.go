// Package azapi turns azapi_resource and azapi_update_resource into ARM-shaped resources. Their body is
// already ARM: it is taken as written, with the range of every property the user wrote.
package azapi

import (
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// Args are the evaluated arguments of an azapi resource; absent ones are nil. Identity is the identity
// block as an object with type and identity_ids.
type Args struct {
	Type, Name, ParentID, ResourceID, Location, Tags, Body, Identity *model.Value
}

// Handles reports whether tfType is an azapi resource this package adapts.
func Handles(tfType string) bool {
	return tfType == "azapi_resource" || tfType == "azapi_update_resource"
}

// Adapt builds the resource. It returns false when the ARM type cannot be told (an unknown `type`), since
// no rule can judge a resource of unknown type.
func Adapt(tfType string, header hcl.Range, args Args) (*model.Resource, bool) {
	typ, ok := args.Type.String()
	if !ok {
		return nil, false
	}
	armType, apiVersion, _ := strings.Cut(typ, "@")
	r := &model.Resource{
		Type:       armType,
		APIVersion: apiVersion,
		Range:      header,
		Body:       model.NewObject(header, model.Set),
		Patch:      tfType == "azapi_update_resource",
	}
	for _, f := range []struct {
		path  string
		value *model.Value
	}{{"name", args.Name}, {"location", args.Location}, {"tags", args.Tags}} {
		if f.value != nil {
			r.Body.Set(f.path, f.value)
		}
	}
	if args.Identity != nil {
		r.Body.Set("identity", identity(args.Identity))
	}
	if body := decodeBody(args.Body); body.IsObject() {
		r.Body.Merge(body)
	} else if body != nil && body.State == model.Unknown {
		r.Body.Set("properties", body)
	}
	if r.Patch {
		r.Target = patchTarget(args)
		if id, ok := args.ResourceID.String(); ok && args.Name == nil {
			r.Body.Set("name", model.NewPrimitive(cty.StringVal(LastSegment(id)), args.ResourceID.Range, model.Set))
		}
	}
	return r, true
}

// patchTarget names the resource an update applies to: through its resource_id, else through its name
// (name = azurerm_cognitive_account.a.name).
func patchTarget(args Args) []model.Ref {
	if args.ResourceID != nil {
		return args.ResourceID.Refs
	}
	if args.Name != nil {
		return args.Name.Refs
	}
	return nil
}

// decodeBody accepts both forms azapi has had: an HCL object (azapi 2.x) and a JSON string (1.x, usually
// jsonencode(...), whose argument the caller has already evaluated in place of the string when it could).
func decodeBody(body *model.Value) *model.Value {
	text, ok := body.String()
	if !ok {
		return body
	}
	ty, err := ctyjson.ImpliedType([]byte(text))
	if err != nil {
		return nil
	}
	v, err := ctyjson.Unmarshal([]byte(text), ty)
	if err != nil {
		return nil
	}
	return model.FromCty(v, body.Range, body.State)
}

// identity turns the identity block (type, identity_ids) into ARM's identity object.
func identity(block *model.Value) *model.Value {
	if !block.IsObject() {
		return block
	}
	out := model.NewObject(block.Range, block.State)
	if t := block.Field("type"); t != nil {
		out.Set("type", t)
	}
	if ids := block.Field("identity_ids"); ids.IsList() {
		byID := model.NewObject(ids.Range, ids.State)
		for _, id := range ids.Elems() {
			if s, ok := id.String(); ok {
				byID.Put(s, model.NewObject(id.Range, id.State))
			}
		}
		out.Set("userAssignedIdentities", byID)
	}
	return out
}

// LastSegment returns the name at the end of an ARM resource ID.
func LastSegment(id string) string {
	return id[strings.LastIndex(id, "/")+1:]
}
