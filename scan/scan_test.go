package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/internal/corpusgen"
	"github.com/aigate-dev/aigate/scan"
	"github.com/hashicorp/hcl/v2"
)

// corpusDir holds real public Terraform, Bicep and ARM for AI workloads, beside the repository.
const corpusDir = "../../shared/corpus"

// TestCorpus scans every real-world configuration we have: nothing may crash, and every diagnostic
// must say where it is.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not present at %s", corpusDir)
	}
	res, err := scan.Run(context.Background(), scan.Options{Paths: []string{corpusDir}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Files == 0 || res.Resources == 0 {
		t.Fatalf("scanned %d files and %d resources; the corpus holds AI accounts", res.Files, res.Resources)
	}
	for _, d := range res.Diagnostics {
		if d.Summary == "Internal error" {
			t.Errorf("front end failed: %s", d.Error())
		}
		if d.Subject == nil || d.Subject.Filename == "" || d.Subject.Start.Line < 1 {
			t.Errorf("diagnostic without a file and line: %s", d.Error())
		}
	}
	compiled := 0
	for _, f := range res.Findings {
		if f.Range.Filename == "" || f.Range.Start.Line < 1 {
			t.Errorf("finding without a file and line: %+v", f)
		}
		if strings.Contains(f.Range.Filename, "Azure__AI-Landing-Zones") && f.Range.Start.Line > 1 {
			compiled++
		}
	}
	if compiled == 0 {
		t.Error("no finding inside the compiled AI Landing Zones templates, which deploy AI Services accounts")
	}
}

// TestBadFileDoesNotStopTheScan puts a broken file beside a good folder: the error names the file and
// line, the resource it cuts short is not judged, and the good folder's findings still come.
func TestBadFileDoesNotStopTheScan(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "broken", "main.tf"), "resource \"azurerm_cognitive_account\" \"x\" {\n  kind = \n")
	write(t, filepath.Join(dir, "good", "main.tf"), "resource \"azurerm_cognitive_account\" \"oai\" {\n  kind = \"OpenAI\"\n}\n")
	res, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	var errs int
	for _, d := range res.Diagnostics {
		if d.Severity == hcl.DiagError {
			errs++
			if d.Subject == nil || d.Subject.Filename != filepath.Join(dir, "broken", "main.tf") || d.Subject.Start.Line != 2 {
				t.Errorf("parse error at the wrong place: %s", d.Error())
			}
		}
	}
	if errs == 0 {
		t.Error("no parse error reported for the broken file")
	}
	if len(res.Findings) == 0 {
		t.Error("the good folder was not scanned")
	}
	for _, f := range res.Findings {
		if strings.Contains(f.Range.Filename, "broken") {
			t.Errorf("the resource the parse error cut short was judged: %s %s", f.RuleID, f.Message)
		}
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkScanGeneratedTree scans the generated tree of 200 module folders (about 28,000 lines) that the
// speed target is stated for.
func BenchmarkScanGeneratedTree(b *testing.B) {
	dir := b.TempDir()
	lines, err := corpusgen.Generate(dir, 200)
	if err != nil {
		b.Fatal(err)
	}
	var resources int
	for b.Loop() {
		res, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}})
		if err != nil {
			b.Fatal(err)
		}
		resources = res.Resources
	}
	b.ReportMetric(float64(resources*b.N)/b.Elapsed().Seconds(), "resources/s")
	b.ReportMetric(float64(lines*b.N)/b.Elapsed().Seconds(), "lines/s")
}

// TestVariableFilesAreNotQuoted keeps secrets out of output: a writer quotes the line of a diagnostic from
// Sources, so a variable file, where keys are passed in, must not be there.
func TestVariableFilesAreNotQuoted(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), "variable \"key\" {}\n")
	write(t, filepath.Join(dir, "terraform.tfvars"), "key = \"0123456789abcdef0123456789abcdef\"\nbroken =\n")
	res, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Diagnostics.HasErrors() {
		t.Error("the broken variable file was not reported")
	}
	if _, ok := res.Sources[filepath.Join(dir, "terraform.tfvars")]; ok {
		t.Error("the variable file is among the sources writers quote")
	}
	if res.Files != 2 {
		t.Errorf("counted %d files, want 2", res.Files)
	}
}

// TestTemplateCalledByBicepModule scans a folder where main.bicep calls a compiled template as a module:
// the template is evaluated through that call, with the name it passes, and not a second time on its own
// with its defaults.
func TestTemplateCalledByBicepModule(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.bicep"), "module compiled 'compiled.json' = {\n  name: 'compiled'\n  params: { name: 'from-bicep' }\n}\n")
	write(t, filepath.Join(dir, "compiled.json"), `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": { "name": { "type": "string", "defaultValue": "default-name" } },
  "resources": [
    { "type": "Microsoft.CognitiveServices/accounts", "apiVersion": "2025-06-01", "name": "[parameters('name')]", "kind": "OpenAI" }
  ]
}`)
	res, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) == 0 {
		t.Fatal("no findings in the template the module calls")
	}
	for _, f := range res.Findings {
		if !strings.Contains(f.Message, "'from-bicep'") || !strings.HasSuffix(f.Range.Filename, "compiled.json") {
			t.Errorf("finding not from the module call: %s %s", f.Range, f.Message)
		}
	}
}
