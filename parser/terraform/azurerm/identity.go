package azurerm

import (
	"fmt"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
)

// identify gives r its ID from the resource's name and, for a child, its parent's ID; for an extension
// resource, also the ID of what it applies to. A parent whose ID is known only at deployment leaves "?"
// for the parent's name and is kept as ParentRef, for the deployment to resolve.
func identify(m *Resource, r *model.Resource, body *model.Value) hcl.Diagnostics {
	var diags hcl.Diagnostics
	name := model.UnknownSegment
	if n, ok := body.Field("name").String(); ok && n != "" {
		name = n
	}
	switch {
	case m.PatchTarget != "":
		target := body.Field(m.PatchTarget)
		r.ID = model.UnknownID(m.ARMType)
		if id, ok := resourceID(target, m.ARMType, m.PatchTarget, &diags); ok {
			r.ID = id
		}
	case m.Parent != "":
		parentType := model.ParentType(m.ARMType)
		parent := body.Field(m.Parent)
		r.ID = model.ChildOfUnknown(m.ARMType, name)
		if id, ok := resourceID(parent, parentType, m.Parent, &diags); ok {
			r.ID = id.ChildID(m.ARMType, name)
		} else {
			r.ParentRef = parent
		}
	default:
		r.ID = model.NewResourceID(m.ARMType, name)
	}
	if m.Scope != "" {
		r.Scope = body.Field(m.Scope)
		r.ID.Scope = scopeID(r.Scope, m.Scope, &diags)
	}
	return diags
}

// resourceID reads the ID of a resource of armType that arg gives as a known string. A known string
// that is no such ID is reported: the provider rejects it.
func resourceID(v *model.Value, armType, arg string, diags *hcl.Diagnostics) (model.ResourceID, bool) {
	text, ok := v.String()
	if !ok {
		return model.ResourceID{}, false
	}
	id, ok := model.ParseResourceID(text)
	if ok && strings.EqualFold(id.Type, armType) {
		return id, true
	}
	*diags = append(*diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "Not a resource ID of the right type",
		Detail:   fmt.Sprintf("%s must be the ID of a %s, which %q is not; the provider rejects it, and aigate cannot tell which resource this one belongs to.", arg, armType, text),
		Subject:  v.Range.Ptr(),
	})
	return model.ResourceID{}, false
}

// scopeID is the ID of what an extension resource applies to: the ID arg gives, or when that is known
// only at deployment, an ID of the type of the resource it refers to, its name unknown. It is nil when
// not even the type can be told.
func scopeID(v *model.Value, arg string, diags *hcl.Diagnostics) *model.ResourceID {
	if text, ok := v.String(); ok {
		if id, ok := model.ParseResourceID(text); ok {
			return &id
		}
		*diags = append(*diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Not a resource ID",
			Detail:   fmt.Sprintf("%s must be the ID of the resource, resource group or subscription this one applies to, which %q is not; the provider rejects it.", arg, text),
			Subject:  v.Range.Ptr(),
		})
		return nil
	}
	var armType string
	for _, ref := range v.AllRefs() {
		if ref.Kind != model.ResourceRef && ref.Kind != model.DataRef {
			return nil
		}
		declared, ok := lookup(typeOf(ref.Address))
		if !ok || (armType != "" && !strings.EqualFold(armType, declared.ARMType)) {
			return nil
		}
		armType = declared.ARMType
	}
	if armType == "" {
		return nil
	}
	id := model.UnknownID(armType)
	return &id
}

// typeOf reads the resource type from a resource or data source address:
// azurerm_cognitive_account for module.ai["east"].azurerm_cognitive_account.oai[0] or
// data.azurerm_cognitive_account.shared.
func typeOf(address string) string {
	address = model.InstanceBase(address)
	i := strings.LastIndex(address, ".")
	if i < 0 {
		return ""
	}
	return address[strings.LastIndex(address[:i], ".")+1 : i]
}
