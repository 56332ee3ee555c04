package arm

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/google/go-cmp/cmp"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const accountTemplate = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": { "keysOff": { "type": "bool", "defaultValue": false } },
  "resources": [
    {
      // ARM accepts comments, and so do we.
      "type": "Microsoft.CognitiveServices/accounts",
      "apiVersion": "2025-06-01",
      "name": "oai",
      "properties": { "disableLocalAuth": "[parameters('keysOff')]", },
    }
  ]
}`

const keysOffParameters = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "parameters": { "keysOff": { "value": true } }
}`

// TestParameterSources checks where parameter values come from: the default, the file beside the
// template, a file given on the command line; and that other JSON is passed over.
func TestParameterSources(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		paramFiles []string
		want       string
	}{
		{"the default", map[string]string{"main.json": accountTemplate}, nil, "false"},
		{"the file beside", map[string]string{"main.json": accountTemplate, "main.parameters.json": keysOffParameters}, nil, "true"},
		{"a file given", map[string]string{"main.json": accountTemplate, "prod.json": keysOffParameters}, []string{"prod.json"}, "true"},
		{"other JSON is passed over", map[string]string{"main.json": accountTemplate, "package.json": `{"name": "x"`}, nil, "false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			var files, given []string
			for name := range tt.files {
				files = append(files, filepath.Join(dir, name))
			}
			for _, f := range tt.paramFiles {
				given = append(given, filepath.Join(dir, f))
			}
			res := Load(files, Options{ParamFiles: given})
			if res.Diagnostics.HasErrors() {
				t.Fatal(res.Diagnostics.Error())
			}
			if len(res.Resources) != 1 {
				t.Fatalf("%d resources, want 1", len(res.Resources))
			}
			r := res.Resources[0]
			v := r.Get("properties.disableLocalAuth")
			if got := model.JSONText(v.Cty()); got != tt.want {
				t.Errorf("disableLocalAuth = %s, want %s", got, tt.want)
			}
			where := fmt.Sprintf("%d:%d %s %d:%d", v.Range.Start.Line, v.Range.Start.Column, r.Address, r.Range.Start.Line, r.Range.Start.Column)
			if diff := cmp.Diff("10:23 Microsoft.CognitiveServices/accounts/oai 7:7", where); diff != "" {
				t.Errorf("positions (-want +got):\n%s", diff)
			}
			if _, ok := res.Sources[filepath.Join(dir, "main.json")]; !ok {
				t.Error("the template is not among the sources")
			}
			for name := range res.Sources {
				if filepath.Base(name) != "main.json" {
					t.Errorf("%s is among the sources writers quote", name)
				}
			}
		})
	}
}

// BenchmarkLandingZone evaluates the largest compiled template of the corpus (1.4 MB, deployments
// nested several deep).
func BenchmarkLandingZone(b *testing.B) {
	path := filepath.Join("..", "..", "..", "shared", "corpus", "Azure__AI-Landing-Zones", "portal", "wrappers", "avm.ptn.ai-ml.ai-foundry.json")
	info, err := os.Stat(path)
	if err != nil {
		b.Skip("corpus not present")
	}
	var resources int
	for b.Loop() {
		resources = len(Load([]string{path}, Options{}).Resources)
	}
	b.SetBytes(info.Size())
	b.ReportMetric(float64(resources), "resources")
}
