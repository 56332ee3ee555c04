package terraform

import (
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/terraform/azapi"
)

// scopeByReference tells the azapi resources whose parent_id is a reference to a resource they extend
// rather than sit under (a diagnostic setting whose parent_id is an account's id). That takes the type
// of what the reference names, which is known only once the whole root is read: a module's resource may
// be given an id from a resource its caller declares after the call.
func (c *collector) scopeByReference() {
	for _, r := range c.azapi {
		if r.ParentRef == nil {
			continue
		}
		var named []*model.Resource
		for _, other := range c.resources {
			for _, ref := range r.ParentRef.Refs {
				if ref.Targets(other.Address) {
					named = append(named, other)
					break
				}
			}
		}
		azapi.ScopeByReference(r, named)
	}
}
