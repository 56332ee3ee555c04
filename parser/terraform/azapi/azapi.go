// Package azapi turns azapi_resource and azapi_update_resource into ARM-shaped resources. Their body is
// already ARM: it is taken as written, with the range of every property the user wrote.
package azapi

import (
	"slices"
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
	r.ID, r.ParentRef, r.Scope = place(armType, args)
	if r.Patch {
		r.Target = patchTarget(args)
		if _, known := args.ResourceID.String(); known && args.Name == nil && r.ID.Known() {
			r.Body.Set("name", model.NewPrimitive(cty.StringVal(r.ID.LastName()), args.ResourceID.Range, model.Set))
		}
	}
	return r, true
}

// place works out the resource's ID and what its parent_id names: the parent it sits under, or, for an
// extension resource (a diagnostic setting, a role assignment), the resource it extends. An update's
// resource_id is its target's ID. A parent known only at deployment leaves "?" for the parent's name
// segments, which the deployment completes once it resolves the parent (and ScopeByReference tells an
// extension resource whose parent_id is a reference).
func place(armType string, args Args) (id model.ResourceID, parent, scope *model.Value) {
	if text, ok := args.ResourceID.String(); ok {
		if target, ok := model.ParseResourceID(text); ok {
			return target, nil, nil
		}
	}
	name := model.UnknownSegment
	if n, ok := args.Name.String(); ok && n != "" {
		name = n
	}
	id = model.ChildOfUnknown(armType, name)
	text, known := args.ParentID.String()
	at, isID := model.ParseResourceID(text)
	switch {
	case !known || !isID:
	case extends(armType, at.Type):
		id.Scope = &at
		return id, nil, args.ParentID
	case at.Type == "":
		id.Container = at.Container
	case strings.EqualFold(at.Type, model.ParentType(armType)):
		id = at.ChildID(armType, name)
	}
	return id, args.ParentID, nil
}

// ScopeByReference makes r an extension resource of what its parent_id names when that is a reference
// to resources that cannot be its parent: named, the resources the reference points at. r's ID then
// takes the scope's ID when there is one scope, else a scope of that type whose name is known only at
// deployment.
func ScopeByReference(r *model.Resource, named []*model.Resource) {
	if r.ParentRef == nil || r.ParentRef.IsKnown() || len(named) == 0 {
		return
	}
	typ := named[0].Type
	for _, n := range named[1:] {
		if !strings.EqualFold(n.Type, typ) {
			return
		}
	}
	if !extends(r.Type, typ) {
		return
	}
	scope := model.UnknownID(typ)
	if len(named) == 1 && named[0].ID.Type != "" {
		scope = named[0].ID
	}
	r.Scope, r.ParentRef = r.ParentRef, nil
	r.ID.Scope = &scope
}

// extends reports whether a resource of armType whose parent_id is a resource of parentIDType extends
// that resource rather than sits under it. A resource group, subscription or management group holds
// resources rather than being extended. A top-level type under any other resource extends it; a child
// type, only a resource of another provider (a parent_id of the wrong level of its own provider is a
// mistake that Azure rejects, not an extension).
func extends(armType, parentIDType string) bool {
	if parentIDType == "" || slices.ContainsFunc(containerTypes, func(t string) bool { return strings.EqualFold(t, parentIDType) }) {
		return false
	}
	return model.ParentType(armType) == "" || !strings.EqualFold(namespace(parentIDType), namespace(armType))
}

func namespace(armType string) string {
	ns, _, _ := strings.Cut(armType, "/")
	return ns
}

var containerTypes = []string{"Microsoft.Resources/resourceGroups", "Microsoft.Resources/subscriptions", "Microsoft.Management/managementGroups"}

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

// NameInTail reads the name at the end of what is written of a resource ID whose head is known only at
// deployment: "${azurerm_resource_group.rg.id}/providers/Microsoft.CognitiveServices/accounts/oai", whose
// tail is an ID of its own, or "${azapi_resource.oai.id}/deployments/gpt4", the last levels of an ID of
// armType.
func NameInTail(armType, tail string) (string, bool) {
	if id, ok := model.ParseResourceID(tail); ok && id.Type != "" {
		return id.LastName(), true
	}
	for head := model.ParentType(armType); head != ""; head = model.ParentType(head) {
		headID := model.UnknownID(head)
		if id, ok := model.ParseResourceID(headID.String() + tail); ok && strings.EqualFold(id.Type, armType) {
			return id.LastName(), true
		}
	}
	return "", false
}
