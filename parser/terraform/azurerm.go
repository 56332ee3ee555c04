package terraform

import (
	"sync"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/terraform/azurerm"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/hashicorp/hcl/v2/hcldec"
)

// azurerm evaluates what the azurerm table reads of a resource and has the table build the ARM resource
// from those values.
func (d *decoder) azurerm(rb *resourceBlock, schema *azurerm.Schema) *model.Resource {
	args := d.arguments(dynblock.Expand(rb.body, d.ctx), schema, d.header)
	r, diags := azurerm.Adapt(rb.typ, d.header, args)
	d.problems = append(d.problems, diags...)
	return r
}

// arguments evaluates what schema names in body into an object: each argument as a value, each nested
// block type as a list of objects, one per block, at the block's header. A block that a dynamic block
// writes when its for_each is known only at deployment may not exist at all: its object is Unknown, with
// the references of that for_each, and holds what its content writes.
func (d *decoder) arguments(body hcl.Body, schema *azurerm.Schema, rng hcl.Range) *model.Value {
	content, _, diags := body.PartialContent(bodySchema(schema))
	d.problems = append(d.problems, diags...)
	out := model.NewObject(rng, model.Set)
	for _, name := range schema.Arguments {
		if a := content.Attributes[name]; a != nil {
			out.Put(name, d.attribute(a))
		}
	}
	for i := range schema.Blocks {
		nested := &schema.Blocks[i]
		blocks := content.Blocks.OfType(nested.Type)
		if len(blocks) == 0 {
			continue
		}
		elems := make([]*model.Value, len(blocks))
		for j, b := range blocks {
			elems[j] = d.arguments(b.Body, &nested.Schema, b.DefRange)
			if u, ok := b.Body.(hcldec.UnknownBody); ok && u.Unknown() {
				elems[j].State = model.Unknown
				if m, ok := b.Body.(hcldec.MarkedBody); ok {
					elems[j].Refs = model.RefsOf(m.BodyValueMarks())
				}
			}
		}
		out.Put(nested.Type, model.NewList(blocks[0].DefRange, model.Set, elems...))
	}
	return out
}

// bodySchemas holds the HCL schema made from each azurerm schema: every resource instance reads its body
// through one, and the table never changes.
var bodySchemas sync.Map // *azurerm.Schema → *hcl.BodySchema

func bodySchema(schema *azurerm.Schema) *hcl.BodySchema {
	if s, ok := bodySchemas.Load(schema); ok {
		return s.(*hcl.BodySchema)
	}
	s, _ := bodySchemas.LoadOrStore(schema, newBodySchema(schema))
	return s.(*hcl.BodySchema)
}

func newBodySchema(schema *azurerm.Schema) *hcl.BodySchema {
	s := &hcl.BodySchema{}
	for _, name := range schema.Arguments {
		s.Attributes = append(s.Attributes, hcl.AttributeSchema{Name: name})
	}
	for _, b := range schema.Blocks {
		s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: b.Type})
	}
	return s
}
