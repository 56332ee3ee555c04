package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompose(t *testing.T) {
	const (
		accounts    = "Microsoft.CognitiveServices/accounts"
		deployments = "Microsoft.CognitiveServices/accounts/deployments"
		projects    = "Microsoft.CognitiveServices/accounts/projects"
		connections = "Microsoft.CognitiveServices/accounts/projects/connections"
		diagnostics = "Microsoft.Insights/diagnosticSettings"
	)
	ref := func(address string) *Value { return NewUnknown(at(1), Ref{Kind: ResourceRef, Address: address}) }
	resource := func(address, typ, name string, parent *Value) *Resource {
		return &Resource{Type: typ, Address: address, Body: NewObject(at(1), Set), ID: NewResourceID(typ, name), ParentRef: parent}
	}
	extension := func(address, name string, scope *Value, scopeID ResourceID) *Resource {
		r := resource(address, diagnostics, name, nil)
		r.Scope, r.ID.Scope = scope, &scopeID
		return r
	}
	tests := []struct {
		name      string
		resources []*Resource
		// want maps each address to its ID once the deployment is made.
		want map[string]string
	}{
		{
			name: "a child named by reference takes its parent's name",
			resources: []*Resource{
				resource("oai", accounts, "oai", nil),
				resource("gpt4", deployments, "?/gpt4", ref("oai")),
			},
			want: map[string]string{"oai": "Microsoft.CognitiveServices/accounts/oai", "gpt4": "Microsoft.CognitiveServices/accounts/oai/deployments/gpt4"},
		},
		{
			name: "a chain is completed from the top, whatever the order of declaration",
			resources: []*Resource{
				resource("conn", connections, "?/?/search", ref("proj")),
				resource("proj", projects, "?/p1", ref("oai")),
				resource("oai", accounts, "oai", nil),
			},
			want: map[string]string{
				"conn": "Microsoft.CognitiveServices/accounts/oai/projects/p1/connections/search",
				"proj": "Microsoft.CognitiveServices/accounts/oai/projects/p1",
				"oai":  "Microsoft.CognitiveServices/accounts/oai",
			},
		},
		{
			name: "a parent whose own name is unknown leaves the child as it is",
			resources: []*Resource{
				resource("oai", accounts, "?", nil),
				resource("gpt4", deployments, "?/gpt4", ref("oai")),
			},
			want: map[string]string{"oai": "Microsoft.CognitiveServices/accounts/?", "gpt4": "Microsoft.CognitiveServices/accounts/?/deployments/gpt4"},
		},
		{
			name: "a reference to several instances names no one parent",
			resources: []*Resource{
				resource("oai[0]", accounts, "a", nil),
				resource("oai[1]", accounts, "b", nil),
				resource("gpt4", deployments, "?/gpt4", ref("oai")),
			},
			want: map[string]string{
				"oai[0]": "Microsoft.CognitiveServices/accounts/a",
				"oai[1]": "Microsoft.CognitiveServices/accounts/b",
				"gpt4":   "Microsoft.CognitiveServices/accounts/?/deployments/gpt4",
			},
		},
		{
			name: "a parent of another type is not taken",
			resources: []*Resource{
				resource("search", "Microsoft.Search/searchServices", "s", nil),
				resource("gpt4", deployments, "?/gpt4", ref("search")),
			},
			want: map[string]string{"search": "Microsoft.Search/searchServices/s", "gpt4": "Microsoft.CognitiveServices/accounts/?/deployments/gpt4"},
		},
		{
			name: "parents that name each other stay unknown",
			resources: []*Resource{
				resource("a", projects, "?/a", ref("b")),
				resource("b", projects, "?/b", ref("a")),
			},
			want: map[string]string{"a": "Microsoft.CognitiveServices/accounts/?/projects/a", "b": "Microsoft.CognitiveServices/accounts/?/projects/b"},
		},
		{
			name: "an extension resource takes the resource its scope names",
			resources: []*Resource{
				resource("proj", projects, "?/p1", ref("oai")),
				resource("oai", accounts, "oai", nil),
				extension("diag", "logs", ref("proj"), NewResourceID(projects, "?/?")),
			},
			want: map[string]string{
				"proj": "Microsoft.CognitiveServices/accounts/oai/projects/p1",
				"oai":  "Microsoft.CognitiveServices/accounts/oai",
				"diag": "Microsoft.CognitiveServices/accounts/oai/projects/p1/providers/Microsoft.Insights/diagnosticSettings/logs",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDeployment("main", Terraform, tt.resources, nil)
			got := map[string]string{}
			for _, r := range d.Resources {
				got[r.Address] = r.ID.String()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("IDs (-want +got):\n%s", diff)
			}
		})
	}
}

// TestComposeIndexes checks that a completed ID is what lookups by ID find.
func TestComposeIndexes(t *testing.T) {
	oai := &Resource{Type: "Microsoft.CognitiveServices/accounts", Address: "oai", Body: NewObject(at(1), Set),
		ID: NewResourceID("Microsoft.CognitiveServices/accounts", "oai")}
	gpt4 := &Resource{Type: "Microsoft.CognitiveServices/accounts/deployments", Address: "gpt4", Body: NewObject(at(1), Set),
		ID: NewResourceID("Microsoft.CognitiveServices/accounts/deployments", "?/gpt4"), ParentRef: NewUnknown(at(2), Ref{Kind: ResourceRef, Address: "oai"})}
	d := NewDeployment("main", Terraform, []*Resource{oai, gpt4}, nil)
	id, _ := ParseResourceID("/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/OAI/deployments/gpt4")
	if got := d.ByID(id); len(got) != 1 || got[0] != gpt4 {
		t.Errorf("ByID(%s) = %v, want the composed deployment", id, got)
	}
}
