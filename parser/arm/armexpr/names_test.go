package armexpr

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/aigate-dev/aigate/model"
)

func TestNameSegments(t *testing.T) {
	tests := []struct {
		text   string
		want   []string
		wantOK bool
	}{
		{"'oai/gpt4'", []string{"oai", "gpt4"}, true},
		{"format('{0}/{1}', parameters('unknown'), 'default')", []string{"?", "default"}, true},
		{"format('{0}/{1}', parameters('marked'), 'default')", []string{"oai", "default"}, true},
		{"concat(parameters('unknown'), '/', variables('prefix'), copyIndex())", []string{"?", "oai-2"}, true},
		{"concat(format('{0}-x', parameters('unknown')), '/b')", []string{"?", "b"}, true},
		{"format('{0}/{1}/{2}', 'acct', parameters('unknown'), uniqueString('x'))", []string{"acct", "?", "?"}, true},
		// Nothing tells where the separators of a value known only at deployment fall.
		{"parameters('unknown')", nil, false},
		{"format('{0}', parameters('unknown'))", nil, false},
		{"toLower(concat(parameters('unknown'), '/x'))", nil, false},
		{"format(parameters('unknown'), 'a')", nil, false},
		{"createArray('a')", nil, false},
	}
	for _, tt := range tests {
		e, err := Parse(tt.text)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.text, err)
		}
		got, ok := NameSegments(e, scope)
		if ok != tt.wantOK || !cmp.Equal(got, tt.want) {
			t.Errorf("NameSegments(%q) = %q, %v; want %q, %v", tt.text, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestResourceIDOf(t *testing.T) {
	account := model.ResourceID{Type: "Microsoft.CognitiveServices/accounts", Name: "oai"}
	tests := []struct {
		text   string
		want   model.ResourceID
		wantOK bool
	}{
		{"'Microsoft.CognitiveServices/accounts/oai'", account, true},
		{"resourceId('Microsoft.CognitiveServices/accounts', variables('name'))", account, true},
		{"format('Microsoft.CognitiveServices/accounts/{0}', variables('name'))", account, true},
		{"format('Microsoft.CognitiveServices/accounts/{0}', parameters('unknown'))",
			model.ResourceID{Type: "Microsoft.CognitiveServices/accounts", Name: "?"}, true},
		{"resourceId('Microsoft.CognitiveServices/accounts/projects', parameters('unknown'), 'p')",
			model.ResourceID{Type: "Microsoft.CognitiveServices/accounts/projects", Name: "?/p"}, true},
		{"'/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai'",
			model.ResourceID{Container: "/subscriptions/s/resourceGroups/rg", Type: "Microsoft.CognitiveServices/accounts", Name: "oai"}, true},
		// What comes before is unknown: the resource group's ID, or an ID that this one extends.
		{"concat(parameters('unknown'), '/providers/Microsoft.CognitiveServices/accounts/oai')", model.ResourceID{}, false},
		{"extensionResourceId(resourceId('Microsoft.X/a', 'n'), 'Microsoft.Insights/diagnosticSettings', 'd')",
			model.ResourceID{Scope: &model.ResourceID{Type: "Microsoft.X/a", Name: "n"}, Type: "Microsoft.Insights/diagnosticSettings", Name: "d"}, true},
		{"format('Microsoft.X/{0}/n', parameters('unknown'))", model.ResourceID{}, false},
		{"parameters('unknown')", model.ResourceID{}, false},
		{"'oai'", model.ResourceID{}, false},
	}
	for _, tt := range tests {
		e, err := Parse(tt.text)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.text, err)
		}
		got, ok := ResourceIDOf(e, scope)
		if ok != tt.wantOK || !cmp.Equal(got, tt.want) {
			t.Errorf("ResourceIDOf(%q) = %+v, %v; want %+v, %v", tt.text, got, ok, tt.want, tt.wantOK)
		}
	}
}
