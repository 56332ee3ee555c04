package model

import (
	"slices"
	"strings"
)

// ResourceID is a resource's identity as ARM gives it, without the parts a template cannot know before
// deployment: the subscription and resource group stay in Container only when they are written out.
//
// A top-level resource is {Type: Microsoft.CognitiveServices/accounts, Name: oai}; a child carries the
// whole chain, {Type: Microsoft.CognitiveServices/accounts/deployments, Name: oai/gpt4}; an extension
// resource (a diagnostic setting, a role assignment) also names the resource it extends in Scope.
// A name segment that is not known is "?".
type ResourceID struct {
	// Container is /subscriptions/{id}/resourceGroups/{name}, /subscriptions/{id} or empty: where the
	// resource lives, when the ID says so literally.
	Container string
	// Scope is the ID of the resource an extension resource extends; nil for other resources.
	Scope *ResourceID
	// Type is the full ARM type, with one segment per level of the chain.
	Type string
	// Name is the full name, one segment per level of the chain; empty when nothing of it is known.
	Name string
}

// UnknownSegment stands for a name segment known only at deployment.
const UnknownSegment = "?"

// UnknownID is the ID of a resource of armType of which no name segment is known: "?" for an account,
// "?/?" for a deployment.
func UnknownID(armType string) ResourceID {
	return ResourceID{Type: armType, Name: strings.TrimSuffix(strings.Repeat(UnknownSegment+"/", strings.Count(armType, "/")), "/")}
}

// ChildOfUnknown is the ID of a resource of armType called name whose parents' names are known only at
// deployment: "?/gpt4" for a deployment.
func ChildOfUnknown(armType, name string) ResourceID {
	return ResourceID{Type: armType, Name: strings.Repeat(UnknownSegment+"/", max(strings.Count(armType, "/")-1, 0)) + name}
}

// ParentType is the type one level up: Microsoft.CognitiveServices/accounts for .../accounts/deployments,
// "" for a top-level type.
func ParentType(armType string) string {
	if strings.Count(armType, "/") < 2 {
		return ""
	}
	return armType[:strings.LastIndex(armType, "/")]
}

// IsZero reports whether the ID says nothing.
func (id ResourceID) IsZero() bool { return id.Type == "" && id.Container == "" && id.Scope == nil }

// Known reports whether the type and every segment of the name are known, so that the ID can be compared.
func (id ResourceID) Known() bool {
	if id.Type == "" || id.Name == "" {
		return false
	}
	names := strings.Split(id.Name, "/")
	if len(names) != strings.Count(id.Type, "/") || (id.Scope != nil && !id.Scope.Known() && id.Scope.Type != "") {
		return false
	}
	for _, n := range names {
		if n == "" || n == UnknownSegment {
			return false
		}
	}
	return true
}

// String renders the ID the way ARM writes the part after the resource group:
// Microsoft.CognitiveServices/accounts/oai/deployments/gpt4, prefixed by the scope's ID and /providers/
// for an extension resource.
func (id ResourceID) String() string {
	var b strings.Builder
	switch {
	case id.Scope != nil:
		b.WriteString(id.Scope.String())
		b.WriteString("/providers/")
	case id.Container != "":
		b.WriteString(id.Container)
		if id.Type != "" {
			b.WriteString("/providers/")
		}
	}
	if id.Type == "" {
		return b.String()
	}
	types := strings.Split(id.Type, "/")
	names := strings.Split(id.Name, "/")
	b.WriteString(types[0])
	for i, t := range types[1:] {
		name := UnknownSegment
		if i < len(names) && names[i] != "" {
			name = names[i]
		}
		b.WriteString("/" + t + "/" + name)
	}
	return b.String()
}

// Same reports whether two IDs name the same resource, as ARM compares them: without case. IDs that are
// not known never match. A container written in only one of them does not tell them apart: a template
// rarely knows its own resource group.
func (id ResourceID) Same(other ResourceID) bool {
	if !id.Known() || !other.Known() || !strings.EqualFold(id.Type, other.Type) || !strings.EqualFold(id.Name, other.Name) {
		return false
	}
	if id.Container != "" && other.Container != "" && !strings.EqualFold(id.Container, other.Container) {
		return false
	}
	switch {
	case id.Scope == nil && other.Scope == nil:
		return true
	case id.Scope == nil || other.Scope == nil:
		return false
	}
	return id.Scope.Same(*other.Scope) || (id.Scope.Type == "" && other.Scope.Type == "" &&
		strings.EqualFold(id.Scope.Container, other.Scope.Container))
}

// Parent returns the ID of the resource one level up the chain: the account of a deployment. ok is false
// for a top-level resource.
func (id ResourceID) Parent() (ResourceID, bool) {
	i := strings.LastIndex(id.Type, "/")
	if i < 0 || strings.Count(id.Type, "/") < 2 {
		return ResourceID{}, false
	}
	parent := id
	parent.Type = id.Type[:i]
	if j := strings.LastIndex(id.Name, "/"); j >= 0 {
		parent.Name = id.Name[:j]
	} else {
		parent.Name = ""
	}
	return parent, true
}

// LastName returns the last segment of the name: gpt4 for oai/gpt4.
func (id ResourceID) LastName() string {
	return id.Name[strings.LastIndex(id.Name, "/")+1:]
}

// ChildID returns the ID of a child resource of id: childType is the last type segment or the full type.
func (id ResourceID) ChildID(childType, name string) ResourceID {
	if !strings.Contains(childType, "/") {
		childType = id.Type + "/" + childType
	}
	child := ResourceID{Container: id.Container, Scope: id.Scope, Type: childType, Name: name}
	if id.Name != "" {
		child.Name = id.Name + "/" + name
	}
	return child
}

// NewResourceID makes the ID of a resource from its full type and its name as ARM writes a child's name
// (oai/gpt4), or from the last segment alone when parent gives the rest.
func NewResourceID(typ, name string) ResourceID {
	return ResourceID{Type: typ, Name: name}
}

// ParseResourceID reads a resource ID in any of the forms front ends meet:
//
//	/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.X/a/{n}/b/{m}
//	/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.X/a/{n}/providers/Microsoft.Insights/diagnosticSettings/{d}
//	/subscriptions/{s}, /subscriptions/{s}/resourceGroups/{rg}, /providers/Microsoft.Management/managementGroups/{mg}
//	Microsoft.X/a/{n}/b/{m}   (what ResourceID.String gives)
//
// A name segment may be "?", known only at deployment, as an IDRef writes it; a container with one is
// dropped, as one not written. ok is false for a type segment "?" and for anything else, such as a bare
// name or a URL.
func ParseResourceID(s string) (ResourceID, bool) {
	if s == "" || strings.ContainsAny(s, " \t\n#:") {
		return ResourceID{}, false
	}
	segments := strings.Split(strings.Trim(s, "/"), "/")
	var id ResourceID
	var container []string
	i := 0
	if strings.HasPrefix(s, "/") {
		for i < len(segments) && !strings.EqualFold(segments[i], "providers") {
			if i+1 >= len(segments) || !containerSegment(segments[i]) {
				return ResourceID{}, false
			}
			container = append(container, segments[i], segments[i+1])
			i += 2
		}
		if len(container) > 0 && !slices.Contains(container, UnknownSegment) {
			id.Container = "/" + strings.Join(container, "/")
		}
		if i == len(segments) {
			return id, len(container) > 0
		}
		i++ // providers
	}
	for i < len(segments) {
		next, rest, ok := parseProviderSegments(segments[i:])
		if !ok {
			return ResourceID{}, false
		}
		if id.Type != "" {
			scope := id
			next.Scope = &scope
		} else {
			next.Container = id.Container
		}
		id = next
		i = len(segments) - len(rest)
		if len(rest) == 0 {
			break
		}
		if !strings.EqualFold(rest[0], "providers") {
			return ResourceID{}, false
		}
		i++
	}
	return id, id.Type != ""
}

// parseProviderSegments reads Namespace/type/name[/type/name...] up to the next "providers" segment.
func parseProviderSegments(segments []string) (id ResourceID, rest []string, ok bool) {
	if len(segments) < 3 || !strings.Contains(segments[0], ".") || segments[0] == UnknownSegment {
		return ResourceID{}, nil, false
	}
	types, names := []string{segments[0]}, []string{}
	j := 1
	for ; j+1 < len(segments) && !strings.EqualFold(segments[j], "providers"); j += 2 {
		if segments[j] == "" || segments[j] == UnknownSegment || segments[j+1] == "" {
			return ResourceID{}, nil, false
		}
		types = append(types, segments[j])
		names = append(names, segments[j+1])
	}
	if j < len(segments) && !strings.EqualFold(segments[j], "providers") {
		return ResourceID{}, nil, false
	}
	return ResourceID{Type: strings.Join(types, "/"), Name: strings.Join(names, "/")}, segments[j:], true
}

func containerSegment(s string) bool {
	return strings.EqualFold(s, "subscriptions") || strings.EqualFold(s, "resourceGroups")
}
