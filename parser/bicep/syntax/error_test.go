package syntax

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// errorComment is an expected error in a file under testdata/errors, written right after the offending
// token: /* ERROR `rx` */ expects an error at the start of the token before the comment, whose detail
// matches the regular expression rx; /* ERROR NEXT `rx` */ expects it at the token after the comment,
// for an error about a line break or the end of the file.
var errorComment = regexp.MustCompile("^/\\* ERROR (NEXT )?`([^`]*)` \\*/$")

// TestErrors parses each file under testdata/errors and requires exactly the errors its comments
// expect, at their line and column: both an error not reported and one not expected fail.
func TestErrors(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "errors", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := expectedErrors(t, src, path)
			f, diags := Parse(src, path)
			for _, d := range diags {
				at := fmt.Sprintf("%d:%d", d.Subject.Start.Line, d.Subject.Start.Column)
				rx, ok := want[at]
				switch {
				case !ok:
					t.Errorf("%s: unexpected error: %s", at, d.Detail)
				case !rx.MatchString(d.Detail):
					t.Errorf("%s: error %q does not match %q", at, d.Detail, rx)
				}
				delete(want, at)
			}
			for at, rx := range want {
				t.Errorf("%s: error %q not reported", at, rx)
			}
			checkParsed(t, src, path, f, diags)
		})
	}
}

// expectedErrors reads the ERROR comments of src, keyed by the line:column where each error must start.
func expectedErrors(t *testing.T, src []byte, filename string) map[string]*regexp.Regexp {
	t.Helper()
	s := newScanner(src, filename, func(hcl.Range, string) {})
	var tokens []token
	for {
		tok := s.scan()
		tokens = append(tokens, tok)
		if tok.kind == tokEOF {
			break
		}
	}
	want := map[string]*regexp.Regexp{}
	for _, c := range s.comments {
		m := errorComment.FindStringSubmatch(c.Text)
		if m == nil {
			if strings.Contains(c.Text, "ERROR") {
				t.Fatalf("%s: malformed ERROR comment %q", c.Rng, c.Text)
			}
			continue
		}
		var at *token
		for i := range tokens {
			tok := &tokens[i]
			if m[1] == "" && tok.end.Byte <= c.Rng.Start.Byte {
				at = tok
			}
			if m[1] != "" && tok.start.Byte >= c.Rng.End.Byte {
				at = tok
				break
			}
		}
		if at == nil {
			t.Fatalf("%s: no token for %q", c.Rng, c.Text)
		}
		want[fmt.Sprintf("%d:%d", at.start.Line, at.start.Column)] = regexp.MustCompile(m[2])
	}
	return want
}

// TestErrorSubjects checks errors whose subject is not a whole token, or spans several, with the exact
// range and detail.
func TestErrorSubjects(t *testing.T) {
	tests := []struct {
		src  string
		want []string // line:column-line:column detail
	}{
		{"var s = '\\q'", []string{`1:10-1:12 unknown escape sequence \q; use \\, \', \n, \r, \t, \$ or \u{...}`}},
		{"var s = '\\u{110000}' + '\\u41'", []string{`1:10-1:20 invalid Unicode escape sequence; use \u{...} with a code point of at most 10FFFF`}},
		{"var s = 'a\\", []string{`1:11-1:12 escape sequence not terminated`}},
		{"var s = 'abc\nvar t = 1", []string{`1:9-1:13 string literal not terminated`}},
		{"var s = '${a\nvar t = 1", []string{`1:9-1:13 string literal not terminated`}},
		{"var s = 'a${b}c${d", []string{`1:9-1:19 string literal not terminated`}},
		{"var s = '''abc\n", []string{`1:9-2:1 multi-line string not terminated`}},
		{"var s = 1 /* abc", []string{`1:11-1:17 comment not terminated`}},
		{"var s = 'é' \xff", []string{`1:13-1:14 invalid UTF-8 encoding`}},
		{"var x = (a, b)", []string{`1:13-1:14 expected one expression in parentheses`}},
		{"var x = ()", []string{`1:9-1:11 expected one expression in parentheses`}},
		{"type t = {\n  '${a}': string\n}", []string{`2:3-2:9 a property name in a type cannot be interpolated`}},
		{"@description('x')\ntargetScope = 'x'", []string{`1:1-1:18 decorators are not allowed on targetScope`}},
		{"var x = a.?f()", []string{`1:12-1:13 a function cannot be called through .?`}},
		{"var x =\n", []string{`1:8-2:1 expected expression, found newline`}},
		{"var x =\r\n", []string{`1:8-2:1 expected expression, found newline`}},
		{"var x =", []string{`1:8-1:8 expected expression, found end of file`}},
		{"var x = y 'a long string that is cut short in the message'", []string{`1:11-1:59 expected newline, found 'a long string that is cut short in t...`}},
		{"var x = y '''first\nsecond'''", []string{`1:11-2:10 expected newline, found '''first...`}},
		{"resource r 'T@v' = {\n  properties: {\n", []string{`3:1-3:1 expected "}", found end of file`}},
		{"var x = " + strings.Repeat("(", 600), []string{`1:509-1:510 expression nested too deeply`}},
		{"type t = " + strings.Repeat("[", 600), []string{`1:510-1:511 expression nested too deeply`}},
	}
	for _, tc := range tests {
		t.Run(tc.src, func(t *testing.T) {
			_, diags := Parse([]byte(tc.src), "main.bicep")
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%d:%d-%d:%d %s", d.Subject.Start.Line, d.Subject.Start.Column, d.Subject.End.Line, d.Subject.End.Column, d.Detail))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("errors differ (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRecovery checks that declarations around broken ones are still read, whole.
func TestRecovery(t *testing.T) {
	src := "resource a 'T@v' = {\n  name: 'a'\n  properties: {\n    x: = \n  }\n}\n" +
		"resource b 'T@v' = {\n  name: 'b'\n  tags: {\n\n" +
		"@description('kept')\nparam p string = 'x'\n" +
		"var v = f(1,\n" +
		"output o string = 'o'\n" +
		"garbage here {\n  and: more\n}\n" +
		"module m 'm.bicep' = {\n  name: 'm'\n}\n"
	f, diags := Parse([]byte(src), "main.bicep")
	if !diags.HasErrors() {
		t.Fatal("no errors reported")
	}
	var got []string
	for _, d := range f.Decls {
		got = append(got, fmt.Sprintf("%T %d:%d", d, d.Range().Start.Line, d.Range().End.Line))
	}
	want := []string{
		"*syntax.Resource 1:6",
		"*syntax.Resource 7:9",
		"*syntax.Param 12:12",
		"*syntax.Var 13:13",
		"*syntax.Output 14:14",
		"*syntax.BadDecl 15:17",
		"*syntax.Module 18:20",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("declarations differ (-want +got):\n%s", diff)
	}
	p := f.Decls[2].(*Param)
	if len(p.Decorators) != 1 || p.Default.(*String).Parts[0] != "x" {
		t.Errorf("param read as %#v", p)
	}
	if m := f.Decls[6].(*Module); len(m.Value.(*Object).Items) != 1 {
		t.Errorf("module body read as %#v", m.Value)
	}
}

// TestErrorLimit checks that parsing stops after ten errors, keeping what it read before.
func TestErrorLimit(t *testing.T) {
	src := "var first = 1\n" + strings.Repeat("x\n", 20) + "var last = 1\n"
	f, diags := Parse([]byte(src), "main.bicep")
	if len(diags) != maxErrors {
		t.Errorf("%d errors, want %d", len(diags), maxErrors)
	}
	if _, ok := f.Decls[0].(*Var); !ok || len(f.Decls) != maxErrors+1 {
		t.Errorf("read %d declarations, starting with %T", len(f.Decls), f.Decls[0])
	}
}

// TestCommentsAfterErrorLimit checks that once parsing stops, the rest of the file is still read for its
// comments, from the end of the token where the last error stands.
func TestCommentsAfterErrorLimit(t *testing.T) {
	src := strings.Repeat("x\n", maxErrors) + "var s = '\\q // in a string'\n// kept\n"
	f, diags := Parse([]byte(src), "main.bicep")
	if len(diags) != maxErrors {
		t.Errorf("%d errors, want %d", len(diags), maxErrors)
	}
	var got []string
	for _, c := range f.Comments {
		got = append(got, c.Text)
	}
	if diff := cmp.Diff([]string{"// kept"}, got); diff != "" {
		t.Errorf("comments differ (-want +got):\n%s", diff)
	}
}
