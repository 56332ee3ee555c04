package azurerm

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// typesDir holds the Azure resource schemas (bicep-types-az), beside the repository.
var typesDir = filepath.Join("..", "..", "..", "..", "shared", "bicep-types-az")

// absentFromTypes are the namespaces of declared types that typesDir holds no schema of.
var absentFromTypes = []string{"Microsoft.ManagedIdentity", "Microsoft.Resources"}

// partialInTypes are the namespaces of which typesDir holds only one api-version: a declaration at
// another is checked against that one.
var partialInTypes = []string{"Microsoft.Network", "Microsoft.Storage", "Microsoft.Web", "Microsoft.Insights"}

// TestPathsInSchema checks every ARM path the table writes against the schema of the declared type at
// the declared api-version: a misspelt or read-only property would reach no rule as the user meant it.
func TestPathsInSchema(t *testing.T) {
	if _, err := os.Stat(typesDir); err != nil {
		t.Skipf("resource schemas not present at %s", typesDir)
	}
	for tfType, r := range resources {
		t.Run(tfType, func(t *testing.T) {
			namespace, _, _ := strings.Cut(r.ARMType, "/")
			if slices.Contains(absentFromTypes, namespace) {
				t.Skipf("no schema of %s", namespace)
			}
			s, err := loadSchema(r.ARMType, r.APIVersion, slices.Contains(partialInTypes, namespace))
			if err != nil {
				t.Fatal(err)
			}
			if s.apiVersion != r.APIVersion {
				t.Logf("%s has only %s; checked against it", namespace, s.apiVersion)
			}
			for _, path := range armPaths(r) {
				if err := s.check(path, discriminators(r)); err != nil {
					t.Errorf("%s@%s: %s: %v", r.ARMType, s.apiVersion, path, err)
				}
			}
		})
	}
}

// TestSchemaCheck checks that the schema walk tells paths that are there from paths that are not.
func TestSchemaCheck(t *testing.T) {
	if _, err := os.Stat(typesDir); err != nil {
		t.Skipf("resource schemas not present at %s", typesDir)
	}
	accounts, err := loadSchema("Microsoft.CognitiveServices/accounts", "2026-03-01", false)
	if err != nil {
		t.Fatal(err)
	}
	computes, err := loadSchema("Microsoft.MachineLearningServices/workspaces/computes", "2025-06-01", false)
	if err != nil {
		t.Fatal(err)
	}
	instance := map[string]string{"properties.computeType": "ComputeInstance"}
	tests := []struct {
		s     *typeSchema
		path  string
		discr map[string]string
		want  string
	}{
		{accounts, "properties.disableLocalAuth", nil, ""},
		{accounts, "properties.networkAcls.ipRules[].value", nil, ""},
		{accounts, "tags", nil, ""},
		{accounts, "properties.disableLocalauth", nil, `no property disableLocalauth`},
		{accounts, "properties.endpoint", nil, "read-only"},
		{accounts, "properties.disableLocalAuth.value", nil, "no property value"},
		{accounts, "properties.networkAcls[].defaultAction", nil, "not an array"},
		{computes, "properties.properties.sshSettings.sshPublicAccess", instance, ""},
		{computes, "properties.properties.remoteLoginPortPublicAccess", instance, "no property remoteLoginPortPublicAccess"},
		{computes, "properties.properties.remoteLoginPortPublicAccess", nil, ""},
	}
	for _, tt := range tests {
		err := tt.s.check(tt.path, tt.discr)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v, want it found", tt.path, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v, want an error saying %q", tt.path, err, tt.want)
		}
	}
	if _, err := loadSchema("Microsoft.CognitiveServices/accounts", "2026-03-02", false); err == nil {
		t.Error("an api-version that does not exist loads")
	}
	if _, err := loadSchema("Microsoft.CognitiveServices/acounts", "2026-03-01", false); err == nil {
		t.Error("a type that does not exist loads")
	}
}

// armPaths lists the ARM paths a declaration writes, with [] after a step that is an array whose
// elements the rest of the path is in.
func armPaths(r *Resource) []string {
	var out []string
	for _, c := range r.Constants {
		out = append(out, c.ARM)
	}
	var walk func(b *Block, prefix string)
	walk = func(b *Block, prefix string) {
		for _, f := range b.Fields {
			out = append(out, join(prefix, f.ARM))
		}
		for _, c := range b.Present {
			out = append(out, join(prefix, c.ARM))
		}
		for i := range b.Blocks {
			child := &b.Blocks[i]
			paths := []string{child.ARM}
			if child.ARMBy != nil {
				paths = append(paths, child.ARMBy.ARM)
			}
			for _, p := range paths {
				p = join(prefix, p)
				if child.List {
					p += "[]"
				}
				if p != prefix {
					out = append(out, p)
				}
				walk(child, p)
			}
		}
	}
	walk(&r.Block, "")
	slices.Sort(out)
	return slices.Compact(out)
}

// discriminators are the constant values a declaration gives the discriminator properties of its
// schema (properties.computeType), which pick the variant of the object the rest of its paths are in.
func discriminators(r *Resource) map[string]string {
	out := map[string]string{}
	for _, c := range r.Constants {
		if c.Value.Type() == cty.String {
			out[c.ARM] = c.Value.AsString()
		}
	}
	return out
}

// typeSchema is the schema of one resource type at one api-version: the type nodes of its types.json.
type typeSchema struct {
	apiVersion string
	nodes      []typeNode
	body       int
}

type typeNode struct {
	Type                 string              `json:"$type"`
	Name                 string              `json:"name"`
	Body                 *typeRef            `json:"body"`
	Properties           map[string]property `json:"properties"`
	AdditionalProperties *typeRef            `json:"additionalProperties"`
	ItemType             *typeRef            `json:"itemType"`
	Discriminator        string              `json:"discriminator"`
	BaseProperties       map[string]property `json:"baseProperties"`
	Elements             json.RawMessage     `json:"elements"`
}

type property struct {
	Type  typeRef `json:"type"`
	Flags int     `json:"flags"`
}

type typeRef struct {
	Ref string `json:"$ref"`
}

// readOnly is the flag of a property that ARM sets and ignores when it is written.
const readOnly = 2

func (r typeRef) index() int {
	i, err := strconv.Atoi(strings.TrimPrefix(r.Ref, "#/"))
	if err != nil {
		return -1
	}
	return i
}

// loadSchema reads the schema of armType at apiVersion, or with partial at the only api-version
// typesDir holds of the namespace.
func loadSchema(armType, apiVersion string, partial bool) (*typeSchema, error) {
	namespace, _, _ := strings.Cut(armType, "/")
	dirs, err := filepath.Glob(filepath.Join(typesDir, "*", strings.ToLower(namespace)))
	if err != nil || len(dirs) != 1 {
		return nil, fmt.Errorf("no schema folder for %s in %s", namespace, typesDir)
	}
	path := filepath.Join(dirs[0], apiVersion, "types.json")
	if _, err := os.Stat(path); err != nil && partial {
		versions, _ := filepath.Glob(filepath.Join(dirs[0], "*", "types.json"))
		if len(versions) > 0 {
			path = versions[len(versions)-1]
			apiVersion = filepath.Base(filepath.Dir(path))
		}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s has no api-version %s in %s", namespace, apiVersion, typesDir)
	}
	s := &typeSchema{apiVersion: apiVersion}
	if err := json.Unmarshal(src, &s.nodes); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, n := range s.nodes {
		if n.Type == "ResourceType" && strings.EqualFold(n.Name, armType+"@"+apiVersion) && n.Body != nil {
			s.body = n.Body.index()
			return s, nil
		}
	}
	return nil, fmt.Errorf("%s has no type %s", path, armType)
}

// check walks a dotted path through the schema. discr gives, by path, the values of discriminators
// that pick one variant of an object; without one, any variant that has the next step will do.
func (s *typeSchema) check(path string, discr map[string]string) error {
	nodes := []int{s.body}
	walked := ""
	for step := range strings.SplitSeq(path, ".") {
		name, each := strings.CutSuffix(step, "[]")
		var next []int
		var lastErr error
		for _, n := range nodes {
			found, err := s.member(n, name, walked, discr)
			if err != nil {
				lastErr = err
				continue
			}
			next = append(next, found...)
		}
		if len(next) == 0 {
			if lastErr == nil {
				lastErr = fmt.Errorf("no property %s", name)
			}
			return lastErr
		}
		walked = join(walked, name)
		if each {
			var items []int
			for _, n := range next {
				items = append(items, s.items(n)...)
			}
			if len(items) == 0 {
				return fmt.Errorf("%s is not an array", walked)
			}
			next = items
		}
		nodes = next
	}
	return nil
}

// member returns the types the property name of node n may have; at is the path of n.
func (s *typeSchema) member(n int, name, at string, discr map[string]string) ([]int, error) {
	node := s.nodes[n]
	switch node.Type {
	case "AnyType":
		return []int{n}, nil
	case "UnionType":
		var out []int
		var lastErr error
		for _, e := range s.refs(node.Elements) {
			found, err := s.member(e, name, at, discr)
			if err != nil {
				lastErr = err
			}
			out = append(out, found...)
		}
		if len(out) == 0 {
			return nil, lastErr
		}
		return out, nil
	case "ObjectType":
		if p, ok := node.Properties[name]; ok {
			if p.Flags&readOnly != 0 {
				return nil, fmt.Errorf("%s is read-only", join(at, name))
			}
			return []int{p.Type.index()}, nil
		}
		if node.AdditionalProperties != nil {
			return []int{node.AdditionalProperties.index()}, nil
		}
		return nil, fmt.Errorf("no property %s in %s", name, node.Name)
	case "DiscriminatedObjectType":
		if p, ok := node.BaseProperties[name]; ok {
			if p.Flags&readOnly != 0 {
				return nil, fmt.Errorf("%s is read-only", join(at, name))
			}
			return []int{p.Type.index()}, nil
		}
		if name == node.Discriminator {
			return []int{n}, nil
		}
		variants := map[string]typeRef{}
		if err := json.Unmarshal(node.Elements, &variants); err != nil {
			return nil, err
		}
		if v, ok := discr[join(at, node.Discriminator)]; ok {
			if e, ok := variants[v]; ok {
				return s.member(e.index(), name, at, discr)
			}
		}
		var out []int
		for _, e := range variants {
			if found, err := s.member(e.index(), name, at, discr); err == nil {
				out = append(out, found...)
			}
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("no property %s in any variant of %s", name, node.Name)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s is a %s, which has no property %s", at, node.Type, name)
}

// items returns the element types of an array type, through unions.
func (s *typeSchema) items(n int) []int {
	node := s.nodes[n]
	switch node.Type {
	case "ArrayType":
		return []int{node.ItemType.index()}
	case "UnionType":
		var out []int
		for _, e := range s.refs(node.Elements) {
			out = append(out, s.items(e)...)
		}
		return out
	}
	return nil
}

// refs reads a union's elements, a list of references.
func (s *typeSchema) refs(raw json.RawMessage) []int {
	var refs []typeRef
	if json.Unmarshal(raw, &refs) != nil {
		return nil
	}
	out := make([]int, len(refs))
	for i, r := range refs {
		out[i] = r.index()
	}
	return out
}
