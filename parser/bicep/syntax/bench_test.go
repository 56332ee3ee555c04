package syntax

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/aigate-dev/aigate/internal/corpusgen"
)

// BenchmarkParse parses the generated Bicep tree (200 folders); its MB/s is of source parsed.
func BenchmarkParse(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpusgen.GenerateBicep(dir, 200); err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.bicep"))
	if err != nil {
		b.Fatal(err)
	}
	sources := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		if sources[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
		size += len(sources[i])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range sources {
			if _, diags := Parse(src, files[i]); len(diags) > 0 {
				b.Fatal(diags.Error())
			}
		}
	}
}
