package azurerm

import (
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/zclconf/go-cty/cty"
)

type spelling struct{ r *Resource }

// Path returns the argument that writes armPath, or the block that holds it when no argument writes it
// alone (customer_managed_key for properties.encryption.keySource).
func (s spelling) Path(armPath string) string {
	if tf, _, ok := s.find(armPath); ok && tf != "" {
		return tf
	}
	return armPath
}

func (s spelling) Value(armPath string, v cty.Value) string {
	if _, f, ok := s.find(armPath); ok && f != nil {
		return model.JSONText(f.Transform.FromARM(v))
	}
	return model.JSONText(v)
}

// Instruct names the argument to set, or the block whose presence gives armPath its value.
func (s spelling) Instruct(armPath string, v cty.Value) string {
	tf, field, ok := s.find(armPath)
	switch {
	case !ok || tf == "":
		return model.ARMSpelling{}.Instruct(armPath, v)
	case field == nil:
		return "add a " + tf + " block"
	}
	return "set " + tf + " = " + model.JSONText(field.Transform.FromARM(v))
}

// find returns the Terraform path of the deepest table entry at or above armPath, and the field when
// that entry is an argument written exactly at armPath.
func (s spelling) find(armPath string) (tfPath string, field *Field, ok bool) {
	best := -1
	var visit func(b *Block, armPrefix, tfPrefix string)
	visit = func(b *Block, armPrefix, tfPrefix string) {
		consider := func(arm, tf string, f *Field) {
			if arm == armPath || strings.HasPrefix(armPath, arm+".") {
				if len(arm) > best {
					best, tfPath, field = len(arm), tf, nil
					if arm == armPath {
						field = f
					}
				}
			}
		}
		for i := range b.Fields {
			f := &b.Fields[i]
			consider(join(armPrefix, f.ARM), join(tfPrefix, f.Arg), f)
		}
		for _, c := range b.Present {
			consider(join(armPrefix, c.ARM), tfPrefix, nil)
		}
		for i := range b.Blocks {
			child := &b.Blocks[i]
			arm, tf := join(armPrefix, child.ARM), join(tfPrefix, child.Name)
			consider(arm, tf, nil)
			visit(child, arm, tf)
		}
	}
	visit(&s.r.Block, "", "")
	return tfPath, field, best >= 0
}

func join(prefix, path string) string {
	if path == "" {
		return prefix
	}
	if prefix == "" {
		return path
	}
	return prefix + "." + path
}
