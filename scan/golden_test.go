package scan_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/scan"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files from what the scan finds now")

// TestGoldenFindings pins every finding on the corpus and on the examples (place, rule, confidence,
// resource and message), so that a change to the model or the rule pass that moves, adds or drops one
// shows up as a diff of testdata/*.golden. Run with -update to accept a change on purpose, and say why in
// the commit.
func TestGoldenFindings(t *testing.T) {
	for _, tt := range []struct{ name, dir string }{{"corpus", corpusDir}, {"examples", "../examples"}} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.dir); err != nil {
				t.Skipf("%s not present at %s", tt.name, tt.dir)
			}
			compareGolden(t, tt.dir, filepath.Join("testdata", tt.name+".golden"))
		})
	}
}

func compareGolden(t *testing.T, dir, golden string) {
	t.Helper()
	res, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range res.Findings {
		rel, err := filepath.Rel(dir, f.Range.Filename)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s:%d:%d %s %s %s\n\t%s\n", filepath.ToSlash(rel), f.Range.Start.Line, f.Range.Start.Column,
			f.RuleID, f.Confidence, f.Resource, f.Message)
	}
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("corpus findings differ from %s (-want +got):\n%s", golden, diff)
	}
}
