package syntax

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusKnownInvalid lists the corpus files that must not parse cleanly, each with why. It is empty: the
// one corpus module that declares a parameter twice is wrong only to the compiler's semantic checks,
// and its syntax is sound.
var corpusKnownInvalid = map[string]string{}

// TestCorpus parses every Bicep file of the shared corpus of real-world code, which lives beside the
// repository and is not part of it.
func TestCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no corpus at %s: %v", root, err)
	}
	var files, clean int
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".bicep") && !strings.HasSuffix(path, ".bicepparam") {
			return err
		}
		files++
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, diags := Parse(src, path)
		reason, invalid := corpusKnownInvalid[filepath.ToSlash(rel)]
		switch {
		case invalid && !diags.HasErrors():
			t.Errorf("%s parses cleanly, but is listed as invalid (%s)", rel, reason)
		case !invalid && diags.HasErrors():
			for _, d := range diags {
				t.Errorf("%s: %s", d.Subject, d.Detail)
			}
		case !invalid:
			clean++
		}
		if len(f.Decls) == 0 {
			t.Errorf("%s: no declarations read", rel)
		}
		for _, d := range f.Decls {
			if _, bad := d.(*BadDecl); bad && !invalid {
				t.Errorf("%s: unreadable declaration at %s", rel, d.Range())
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Skipf("no Bicep files under %s", root)
	}
	t.Logf("%d of %d corpus files parse cleanly", clean, files)
}
