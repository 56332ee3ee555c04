// Package azurerm maps azurerm resources to the ARM shape: one declarative table per resource type,
// argument path → ARM path, a transform, and the value the provider sends when the argument is absent.
// The facts come from the provider's source (../shared/reference/azure-ai-controls.md section 6).
//
// The table is interpreted over values, not syntax (see Adapt), so that every front end that knows an
// azurerm resource's arguments (configuration evaluated by the Terraform front end, a plan's JSON) builds
// the same ARM resource from them.
package azurerm

import (
	"maps"
	"slices"

	"github.com/aigate-dev/aigate/model"
	"github.com/zclconf/go-cty/cty"
)

// Resource is the mapping of one azurerm resource type.
type Resource struct {
	ARMType    string
	APIVersion string
	// Parent names the argument that holds the ID of the parent resource of a child type, whose ARMType
	// has one more level than the parent's: cognitive_account_id of azurerm_cognitive_deployment.
	Parent string
	// Scope names the argument that holds the ID of the resource an extension resource applies to:
	// target_resource_id of azurerm_monitor_diagnostic_setting, scope of azurerm_role_assignment.
	Scope string
	// Constants are ARM values the provider sends for the type whatever the arguments, unless an argument
	// or block of the table writes the same path: the kind azurerm_ai_services stands for, the
	// sshPublicAccess Disabled of a compute instance without an ssh block. They are Defaulted, at the
	// resource header.
	Constants []Const
	// PatchTarget names the argument that points at the resource this one changes; empty for resources
	// that create something.
	PatchTarget string
	Block
}

// Block maps a block (or the resource body itself) to an ARM object or array.
type Block struct {
	// Name is the Terraform block type; empty for the resource body, and for a group of the enclosing
	// body's arguments that share an ARM object (Present then applies whenever the enclosing body does).
	Name string
	// ARM is the path of the object (or array, when List) relative to the enclosing block's. A block
	// that is not a List may leave it empty: its arguments then write into the enclosing block's object,
	// as managed_network does with properties.managedNetwork.isolationMode and properties.provisionNetworkNow.
	ARM string
	// ARMBy, when set, lets one of the block's arguments move the block to another ARM path.
	ARMBy *Choice
	// List blocks repeat and become an ARM array. Two list blocks with the same ARM path fill one array.
	List   bool
	Fields []Field
	Blocks []Block
	// Present holds ARM values that the block's mere presence sets, relative to the block's ARM path.
	Present []Const
}

// Choice moves a block to another ARM path when one of its arguments has a given value:
// private_service_connection goes to manualPrivateLinkServiceConnections when is_manual_connection is
// true. When the argument is known only at deployment, the block is written at both paths: what it
// holds is true wherever it lands.
type Choice struct {
	Arg string
	// Value is the argument's value, in Terraform terms, that moves the block.
	Value cty.Value
	// ARM is where the block then goes, relative to the enclosing block's ARM path.
	ARM string
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

// Schema names the arguments and nested blocks the table reads of a resource type or a block. A front
// end that reads configuration needs it: in JSON syntax, a nested block cannot be told from an argument
// without a schema, and what the table does not read need not be evaluated.
type Schema struct {
	Arguments []string
	Blocks    []BlockSchema
}

// BlockSchema is the schema of one nested block type.
type BlockSchema struct {
	Type string
	Schema
}

// SchemaOf returns what the table reads of an azurerm resource type; ok is false for a type it does not
// declare.
func SchemaOf(tfType string) (schema *Schema, ok bool) {
	schema, ok = schemas[tfType]
	return schema, ok
}

var schemas = func() map[string]*Schema {
	out := make(map[string]*Schema, len(resources))
	for tfType, r := range resources {
		s := r.schema()
		for _, arg := range []string{r.Parent, r.Scope, r.PatchTarget} {
			if arg != "" {
				s.addArgument(arg)
			}
		}
		out[tfType] = &s
	}
	return out
}()

func (b *Block) schema() Schema {
	var s Schema
	for _, f := range b.Fields {
		s.addArgument(f.Arg)
	}
	if b.ARMBy != nil {
		s.addArgument(b.ARMBy.Arg)
	}
	for i := range b.Blocks {
		child := &b.Blocks[i]
		nested := child.schema()
		if child.Name == "" {
			for _, arg := range nested.Arguments {
				s.addArgument(arg)
			}
			continue
		}
		s.Blocks = append(s.Blocks, BlockSchema{Type: child.Name, Schema: nested})
	}
	return s
}

// addArgument adds an argument once, however many fields read it.
func (s *Schema) addArgument(name string) {
	if !slices.Contains(s.Arguments, name) {
		s.Arguments = append(s.Arguments, name)
	}
}

// lookup returns the mapping of an azurerm resource type.
func lookup(tfType string) (*Resource, bool) {
	r, ok := resources[tfType]
	return r, ok
}

// Spelling returns how this resource type writes ARM paths and values, for messages.
func (r *Resource) Spelling() model.Spelling { return spelling{r} }

// resources are every declaration, by azurerm resource type.
var resources = joinTables(cognitive, machineLearning, platform)

// joinTables puts the tables of each group of services into one. A type declared in two of them is a
// mistake that TestDeclarations reports.
func joinTables(tables ...map[string]*Resource) map[string]*Resource {
	out := map[string]*Resource{}
	for _, t := range tables {
		maps.Copy(out, t)
	}
	return out
}
