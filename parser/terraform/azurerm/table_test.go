package azurerm

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// TestDeclarations requires every declaration to be one the interpreter applies as written: a shape it
// would pass over in silence is a mistake in the table.
func TestDeclarations(t *testing.T) {
	declared := 0
	for _, table := range []map[string]*Resource{cognitive, machineLearning, platform} {
		declared += len(table)
	}
	if declared != len(resources) {
		t.Errorf("%d declarations in the tables, %d after joining them: a type is declared twice", declared, len(resources))
	}
	for tfType, r := range resources {
		for _, err := range problems(r) {
			t.Errorf("%s: %v", tfType, err)
		}
	}
}

// TestProblems checks that each shape the interpreter cannot apply is reported.
func TestProblems(t *testing.T) {
	name := Field{Arg: "name", ARM: "name", Transform: str}
	account := func(b Block) *Resource {
		b.Fields = append([]Field{name}, b.Fields...)
		return &Resource{ARMType: "Microsoft.CognitiveServices/accounts", APIVersion: "2026-03-01", Block: b}
	}
	tests := []struct {
		name string
		r    *Resource
		want string
	}{
		{"valid", account(Block{}), ""},
		{"no name", &Resource{ARMType: "Microsoft.CognitiveServices/accounts", APIVersion: "2026-03-01"}, "no name argument"},
		{"bad type", &Resource{ARMType: "accounts", APIVersion: "2026-03-01", Block: Block{Fields: []Field{name}}}, `ARM type "accounts"`},
		{"no api-version", &Resource{ARMType: "Microsoft.CognitiveServices/accounts", Block: Block{Fields: []Field{name}}}, "no api-version"},
		{"parent of a top-level type", &Resource{ARMType: "Microsoft.CognitiveServices/accounts", APIVersion: "2026-03-01", Parent: "x", Block: Block{Fields: []Field{name}}}, "parent of a top-level type"},
		{"child without parent", &Resource{ARMType: "Microsoft.CognitiveServices/accounts/deployments", APIVersion: "2026-03-01", Block: Block{Fields: []Field{name}}}, "child type without a parent argument"},
		{"parent and scope", &Resource{ARMType: "Microsoft.CognitiveServices/accounts/deployments", APIVersion: "2026-03-01", Parent: "x", Scope: "y", Block: Block{Fields: []Field{name}}}, "both a parent and a scope"},
		{"field without transform", account(Block{Fields: []Field{{Arg: "kind", ARM: "kind"}}}), "kind: no transform"},
		{"field with an empty path step", account(Block{Fields: []Field{{Arg: "kind", ARM: "properties..kind", Transform: str}}}), `kind: ARM path "properties..kind"`},
		{"default of the wrong type", account(Block{Fields: []Field{{Arg: "kind", ARM: "kind", Transform: boolean, Default: cty.StringVal("x")}}}), "kind: default"},
		{"argument mapped twice to one path", account(Block{Fields: []Field{{Arg: "kind", ARM: "kind", Transform: str}, {Arg: "kind", ARM: "kind", Transform: str}}}), "kind: mapped twice"},
		{"presence on the body", account(Block{Present: keyVaultSource}), "the resource body has Present"},
		{"list group", account(Block{Blocks: []Block{{ARM: "properties", List: true}}}), "a group of arguments cannot be a list"},
		{"group without path", account(Block{Blocks: []Block{{}}}), "a group of arguments needs an ARM path"},
		{"group with blocks", account(Block{Blocks: []Block{{ARM: "properties", Blocks: []Block{{Name: "x", ARM: "x"}}}}}), "a group of arguments cannot hold blocks"},
		{"list block without path", account(Block{Blocks: []Block{{Name: "rule", List: true}}}), "rule: a list block needs an ARM path"},
		{"block in place with a choice", account(Block{Blocks: []Block{{Name: "rule", ARMBy: &Choice{Arg: "a", Value: cty.True, ARM: "b"}}}}), "rule: a block without an ARM path cannot move"},
		{"incomplete choice", account(Block{Blocks: []Block{{Name: "rule", ARM: "a", ARMBy: &Choice{Arg: "manual"}}}}), "rule: choice"},
		{"block declared twice", account(Block{Blocks: []Block{{Name: "rule", ARM: "a"}, {Name: "rule", ARM: "b"}}}), "rule: declared twice"},
		{"blocks sharing an object", account(Block{Blocks: []Block{{Name: "a", ARM: "x"}, {Name: "b", ARM: "x"}}}), `b: ARM path "x" is also written by a block that is not a list`},
		{"constant without value", &Resource{ARMType: "Microsoft.CognitiveServices/accounts", APIVersion: "2026-03-01", Constants: []Const{{ARM: "kind"}}, Block: Block{Fields: []Field{name}}}, "constant kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, err := range problems(tt.r) {
				got = append(got, err.Error())
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("problems %q, want none", got)
			case tt.want != "" && !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, tt.want) }):
				t.Errorf("problems %q, want one saying %q", got, tt.want)
			}
		})
	}
}

// problems lists what the interpreter could not apply in a declaration.
func problems(r *Resource) []error {
	var errs []error
	report := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	levels := strings.Count(r.ARMType, "/")
	if namespace, _, _ := strings.Cut(r.ARMType, "/"); levels < 1 || !strings.Contains(namespace, ".") || !validPath(strings.ReplaceAll(r.ARMType, "/", ".")) {
		report("ARM type %q is not Namespace/type[/child...]", r.ARMType)
	}
	if r.APIVersion == "" {
		report("no api-version")
	}
	switch {
	case r.Parent != "" && r.Scope != "":
		report("both a parent and a scope: an extension resource is not a child")
	case r.Parent != "" && levels < 2:
		report("parent of a top-level type")
	case r.Parent == "" && r.PatchTarget == "" && levels >= 2:
		report("child type without a parent argument: its ID cannot be told")
	}
	if r.PatchTarget == "" && !slices.ContainsFunc(r.Fields, func(f Field) bool { return f.Arg == "name" && f.ARM == "name" }) {
		report("no name argument: its ID cannot be told")
	}
	for _, c := range r.Constants {
		if !validPath(c.ARM) || c.Value == cty.NilVal || !c.Value.IsWhollyKnown() {
			report("constant %s has no known value or a bad path", c.ARM)
		}
	}
	if len(r.Present) > 0 {
		report("the resource body has Present: use Constants")
	}
	blockProblems(&r.Block, report)
	return errs
}

func blockProblems(b *Block, report func(string, ...any)) {
	mapped := map[string]bool{}
	for _, f := range b.Fields {
		fieldProblems(f, mapped, report)
	}
	for _, c := range b.Present {
		if !validPath(c.ARM) || c.Value == cty.NilVal || !c.Value.IsWhollyKnown() {
			report("%s: present value at %q has no known value or a bad path", b.Name, c.ARM)
		}
	}
	names := map[string]bool{}
	objects, lists := map[string]bool{}, map[string]bool{}
	for i := range b.Blocks {
		child := &b.Blocks[i]
		if child.Name == "" {
			switch {
			case child.List:
				report("a group of arguments cannot be a list")
			case !validPath(child.ARM):
				report("a group of arguments needs an ARM path")
			case len(child.Blocks) > 0 || child.ARMBy != nil:
				report("a group of arguments cannot hold blocks or move")
			}
			for _, f := range child.Fields {
				fieldProblems(f, mapped, report)
			}
			continue
		}
		if names[child.Name] {
			report("%s: declared twice", child.Name)
		}
		names[child.Name] = true
		switch {
		case child.ARM == "" && child.List:
			report("%s: a list block needs an ARM path", child.Name)
		case child.ARM == "" && child.ARMBy != nil:
			report("%s: a block without an ARM path cannot move", child.Name)
		case child.ARM != "" && !validPath(child.ARM):
			report("%s: ARM path %q", child.Name, child.ARM)
		}
		if c := child.ARMBy; c != nil && (c.Arg == "" || c.Value == cty.NilVal || !validPath(c.ARM) || c.ARM == child.ARM) {
			report("%s: choice %+v needs an argument, a value and another ARM path", child.Name, *c)
		}
		for _, path := range []string{child.ARM, armByPath(child)} {
			if path == "" {
				continue
			}
			if objects[path] || (!child.List && lists[path]) {
				report("%s: ARM path %q is also written by a block that is not a list", child.Name, path)
			}
			if child.List {
				lists[path] = true
			} else {
				objects[path] = true
			}
		}
		blockProblems(child, report)
	}
}

func armByPath(b *Block) string {
	if b.ARMBy == nil {
		return ""
	}
	return b.ARMBy.ARM
}

func fieldProblems(f Field, mapped map[string]bool, report func(string, ...any)) {
	switch {
	case f.Arg == "":
		report("a field without an argument")
	case !validPath(f.ARM):
		report("%s: ARM path %q", f.Arg, f.ARM)
	case f.Transform.ToARM == nil || f.Transform.FromARM == nil || f.Transform.Type == cty.NilType:
		report("%s: no transform", f.Arg)
	}
	if mapped[f.Arg+"\x00"+f.ARM] {
		report("%s: mapped twice to %s", f.Arg, f.ARM)
	}
	mapped[f.Arg+"\x00"+f.ARM] = true
	if f.Default != cty.NilVal && f.Transform.Type != cty.NilType {
		if _, err := convert.Convert(f.Default, f.Transform.Type); err != nil {
			report("%s: default %#v is not a %s", f.Arg, f.Default, f.Transform.Type.FriendlyName())
		}
	}
}

// validPath reports whether a dotted ARM path has no empty step.
func validPath(path string) bool {
	return path != "" && !slices.Contains(strings.Split(path, "."), "")
}
