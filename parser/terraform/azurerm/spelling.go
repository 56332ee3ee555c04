package azurerm

import (
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

type spelling struct{ r *Resource }

// entry is what the table holds at or above an ARM path: an argument, a block, or a value a block's
// presence sets.
type entry struct {
	tf string
	// field is the argument that writes the path itself; nil for an argument that writes an object
	// the path lies in.
	field *Field
	// argument reports whether tf is an argument rather than a block.
	argument bool
	// present is the value the block's presence sets at the path, cty.NilVal for other entries.
	present cty.Value
}

// Path returns the argument that writes armPath, or the block that holds it when no argument writes it
// alone (customer_managed_key for properties.encryption.keySource).
func (s spelling) Path(armPath string) string {
	if e, ok := s.find(armPath); ok && e.tf != "" {
		return e.tf
	}
	return armPath
}

// Value renders v as the Terraform configuration writes it: true for local_auth_enabled when
// disableLocalAuth is false, ["0.0.0.0/0"] for the ipRules [{"value": "0.0.0.0/0"}].
func (s spelling) Value(armPath string, v cty.Value) string {
	if e, ok := s.find(armPath); ok && e.field != nil {
		return terraformText(e.field.Transform.FromARM(v))
	}
	return terraformText(v)
}

// Instruct names the argument to set, or the block whose presence gives armPath the value v.
func (s spelling) Instruct(armPath string, v cty.Value) string {
	e, ok := s.find(armPath)
	switch {
	case !ok || e.tf == "":
		return "set " + armPath + " = " + terraformText(v)
	case e.field != nil:
		return "set " + e.tf + " = " + terraformText(e.field.Transform.FromARM(v))
	case e.argument:
		// The value lies inside what the argument writes (keyName in a key's ID): the argument is what
		// to change, but its value cannot be told from a part of it.
		return "set " + e.tf
	case e.present != cty.NilVal && !v.RawEquals(e.present):
		return "remove the " + e.tf + " block"
	}
	return "add a " + e.tf + " block"
}

// foundEntries remembers what find answered: every finding's message asks it, a few paths of a few
// types, and the tables never change.
var foundEntries sync.Map // findKey → findResult

type findKey struct {
	r    *Resource
	path string
}

type findResult struct {
	entry entry
	ok    bool
}

// find returns the deepest table entry at or above armPath. A step of armPath may end in [], as in the
// paths of model.Value.Values.
func (s spelling) find(armPath string) (entry, bool) {
	key := findKey{s.r, armPath}
	if cached, ok := foundEntries.Load(key); ok {
		res := cached.(findResult)
		return res.entry, res.ok
	}
	found, ok := s.search(strings.ReplaceAll(armPath, "[]", ""))
	foundEntries.Store(key, findResult{found, ok})
	return found, ok
}

func (s spelling) search(armPath string) (found entry, ok bool) {
	best := -1
	consider := func(arm string, e entry) {
		if arm == "" || (arm != armPath && !strings.HasPrefix(armPath, arm+".")) || len(arm) <= best {
			return
		}
		best = len(arm)
		if arm != armPath {
			e.field, e.present = nil, cty.NilVal
		}
		found = e
	}
	var visit func(b *Block, armPrefix, tfPrefix string)
	visit = func(b *Block, armPrefix, tfPrefix string) {
		for i := range b.Fields {
			f := &b.Fields[i]
			consider(join(armPrefix, f.ARM), entry{tf: join(tfPrefix, f.Arg), field: f, argument: true})
		}
		for _, c := range b.Present {
			consider(join(armPrefix, c.ARM), entry{tf: tfPrefix, present: c.Value})
		}
		for i := range b.Blocks {
			child := &b.Blocks[i]
			tf := join(tfPrefix, child.Name)
			for _, arm := range child.armPaths() {
				arm = join(armPrefix, arm)
				if child.Name != "" && arm != armPrefix {
					consider(arm, entry{tf: tf})
				}
				visit(child, arm, tf)
			}
		}
	}
	visit(&s.r.Block, "", "")
	return found, best >= 0
}

// armPaths are the ARM paths a block may be written at.
func (b *Block) armPaths() []string {
	if b.ARMBy == nil {
		return []string{b.ARM}
	}
	return []string{b.ARM, b.ARMBy.ARM}
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

// terraformText renders a value in Terraform's syntax, on one line; "?" for what is not known.
func terraformText(v cty.Value) string {
	v, _ = v.UnmarkDeep()
	if !v.IsWhollyKnown() {
		return "?"
	}
	ty := v.Type()
	switch {
	case v.IsNull():
		return "null"
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		var elems []string
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			elems = append(elems, terraformText(e))
		}
		return "[" + strings.Join(elems, ", ") + "]"
	case ty.IsMapType() || ty.IsObjectType():
		var items []string
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			key := k.AsString()
			if !hclsyntax.ValidIdentifier(key) {
				key = terraformText(k)
			}
			items = append(items, key+" = "+terraformText(e))
		}
		if len(items) == 0 {
			return "{}"
		}
		return "{ " + strings.Join(items, ", ") + " }"
	}
	return string(hclwrite.TokensForValue(v).Bytes())
}

// names returns the members of an object or map, in order.
func names(v cty.Value) []string {
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		k, _ := it.Element()
		out = append(out, k.AsString())
	}
	slices.Sort(out)
	return out
}
