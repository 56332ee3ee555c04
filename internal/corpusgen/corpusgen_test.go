package corpusgen

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/aigate-dev/aigate/parser/bicep/syntax"
	"github.com/hashicorp/hcl/v2/hclparse"
)

func TestGenerate(t *testing.T) {
	const modules = 200
	first, second := t.TempDir(), t.TempDir()
	lines, err := Generate(first, modules)
	if err != nil {
		t.Fatal(err)
	}
	// The benchmarks quote throughput against a tree of about 28,000 lines.
	if lines < 25_000 || lines > 31_000 {
		t.Errorf("Generate(%d modules) wrote %d lines, want 25,000 to 31,000", modules, lines)
	}
	again, err := Generate(second, modules)
	if err != nil {
		t.Fatal(err)
	}
	if again != lines {
		t.Errorf("second run wrote %d lines, first %d", again, lines)
	}

	parser := hclparse.NewParser()
	files, counted := 0, 0
	err = filepath.WalkDir(first, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(first, path)
		other, err := os.ReadFile(filepath.Join(second, rel))
		if err != nil {
			return err
		}
		if !bytes.Equal(src, other) {
			t.Errorf("%s differs between two runs", rel)
		}
		if _, diags := parser.ParseHCL(src, rel); len(diags) > 0 {
			t.Errorf("%s: %s", rel, diags.Error())
		}
		files++
		counted += bytes.Count(src, []byte("\n"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := modules * len(templateFiles); files != want {
		t.Errorf("found %d files, want %d", files, want)
	}
	if counted != lines {
		t.Errorf("files hold %d lines, Generate reported %d", counted, lines)
	}
}

func TestGenerateBicep(t *testing.T) {
	first, second := t.TempDir(), t.TempDir()
	lines, err := GenerateBicep(first, 20)
	if err != nil {
		t.Fatal(err)
	}
	again, err := GenerateBicep(second, 20)
	if err != nil {
		t.Fatal(err)
	}
	if lines == 0 || again != lines {
		t.Fatalf("two runs wrote %d and %d lines", lines, again)
	}
	files, err := filepath.Glob(filepath.Join(first, "*", "*.bicep"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 40 {
		t.Fatalf("%d Bicep files, want 40", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(first, f)
		other, err := os.ReadFile(filepath.Join(second, rel))
		if err != nil || !bytes.Equal(src, other) {
			t.Errorf("%s differs between two runs", rel)
		}
		if _, diags := syntax.Parse(src, f); len(diags) > 0 {
			t.Errorf("%s does not parse: %s", rel, diags.Error())
		}
	}
}
