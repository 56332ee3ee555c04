package checks_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/scan"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// expectation is one finding a fixture asks for: the rule, where it starts, and whether it rests on a
// value unknown until deployment (written "AIG201?"). Rule "warning" or "error" stands for a diagnostic
// of that severity starting on the line.
type expectation struct {
	File      string
	Line      int
	Rule      string
	Uncertain bool
}

func (e expectation) String() string {
	mark := ""
	if e.Uncertain {
		mark = "?"
	}
	return fmt.Sprintf("%s:%d %s%s", e.File, e.Line, e.Rule, mark)
}

var wantComment = regexp.MustCompile(`(?:#|//)\s*want((?:\s+(?:AIG\d{3}\??|warning|error))+)\s*$`)

// TestFixtures scans every case folder under testdata/<language>/ and compares the findings and
// diagnostics with the expectations written in the fixtures, both ways: a missing finding and an
// unexpected one both fail.
func TestFixtures(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("testdata", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no fixtures found under testdata")
	}
	for _, dir := range cases {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		t.Run(filepath.ToSlash(strings.TrimPrefix(dir, "testdata"+string(filepath.Separator))), func(t *testing.T) {
			t.Parallel()
			want := readExpectations(t, dir)
			res, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}})
			if err != nil {
				t.Fatal(err)
			}
			got := map[expectation]bool{}
			for _, d := range res.Diagnostics {
				kind := "warning"
				if d.Severity == hcl.DiagError {
					kind = "error"
				}
				got[expectation{File: filepath.ToSlash(d.Subject.Filename), Line: d.Subject.Start.Line, Rule: kind}] = true
			}
			for _, f := range res.Findings {
				got[expectation{File: filepath.ToSlash(f.Range.Filename), Line: f.Range.Start.Line, Rule: f.RuleID,
					Uncertain: f.Confidence == model.Uncertain}] = true
			}
			if diff := cmp.Diff(sorted(want), sorted(got)); diff != "" {
				t.Errorf("findings differ from the fixture's expectations (-want +got):\n%s\nall findings:\n%s%s", diff, describe(res.Findings), res.Diagnostics.Error())
			}
		})
	}
}

func sorted(set map[expectation]bool) []string {
	var out []string
	for e := range set {
		out = append(out, e.String())
	}
	slices.Sort(out)
	return out
}

func describe(fs []model.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s %s [%s, %s] %s\n", f.Range, f.RuleID, f.Confidence, f.Resource, f.Message)
	}
	return b.String()
}

// readExpectations collects the `want` comments of every file below dir, and the LINE RULE pairs of
// NAME.want sidecars for JSON files, which have no comments.
func readExpectations(t *testing.T, dir string) map[expectation]bool {
	t.Helper()
	want := map[expectation]bool{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if target, ok := strings.CutSuffix(p, ".want"); ok {
			return readSidecar(filepath.ToSlash(target), string(src), want)
		}
		sc := bufio.NewScanner(strings.NewReader(string(src)))
		for line := 1; sc.Scan(); line++ {
			m := wantComment.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			for _, id := range strings.Fields(m[1]) {
				rule, uncertain := strings.CutSuffix(id, "?")
				want[expectation{File: filepath.ToSlash(p), Line: line, Rule: rule, Uncertain: uncertain}] = true
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

func readSidecar(file, src string, want map[expectation]bool) error {
	for i, line := range strings.Split(src, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		if len(fields) != 2 {
			return fmt.Errorf("%s.want:%d: want LINE RULE", file, i+1)
		}
		n, err := strconv.Atoi(fields[0])
		if err != nil {
			return fmt.Errorf("%s.want:%d: %w", file, i+1, err)
		}
		rule, uncertain := strings.CutSuffix(fields[1], "?")
		want[expectation{File: file, Line: n, Rule: rule, Uncertain: uncertain}] = true
	}
	return nil
}
