package bicep

import (
	"path/filepath"
	"testing"

	"github.com/aigate-dev/aigate/internal/corpusgen"
)

// BenchmarkLoadGenerated evaluates the generated Bicep tree: 200 folders, each a main.bicep calling an
// account module in a loop. Its MB/s is of the Bicep source read.
func BenchmarkLoadGenerated(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpusgen.GenerateBicep(dir, 200); err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.bicep"))
	if err != nil {
		b.Fatal(err)
	}
	first := Load(files, Options{})
	if len(first.Diagnostics) > 0 {
		b.Fatal(first.Diagnostics.Error())
	}
	size := 0
	for _, src := range first.Sources {
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res := Load(files, Options{})
		if len(res.Resources) == 0 {
			b.Fatal("no resources")
		}
	}
}
