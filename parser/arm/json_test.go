package arm

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
)

const jFile = "t.json"

// jRng builds a range from line, column and byte of its start and of its end.
func jRng(l1, c1, b1, l2, c2, b2 int) hcl.Range {
	return hcl.Range{Filename: jFile, Start: hcl.Pos{Line: l1, Column: c1, Byte: b1}, End: hcl.Pos{Line: l2, Column: c2, Byte: b2}}
}

// jLine builds a range within line 1, where the column is the byte plus one.
func jLine(b1, b2 int) hcl.Range { return jRng(1, b1+1, b1, 1, b2+1, b2) }

func jNum(text string, r hcl.Range) *Node { return &Node{Kind: Number, Range: r, Text: text} }
func jStr(text string, r hcl.Range) *Node { return &Node{Kind: String, Range: r, Text: text} }
func jBool(b bool, r hcl.Range) *Node     { return &Node{Kind: Bool, Range: r, Bool: b} }
func jNull(r hcl.Range) *Node             { return &Node{Kind: Null, Range: r} }
func jArr(r hcl.Range, elems ...*Node) *Node {
	return &Node{Kind: Array, Range: r, Elems: elems}
}
func jObj(r hcl.Range, members ...Member) *Node {
	return &Node{Kind: Object, Range: r, Members: members}
}
func jMem(name string, r hcl.Range, v *Node) Member {
	return Member{Name: name, NameRange: r, Value: v}
}

// jDiag is what a test expects of a diagnostic.
type jDiag struct {
	Summary, Detail string
	Subject         hcl.Range
}

var jCases = []struct {
	name  string
	src   string
	want  *Node
	diags []jDiag
}{
	{
		name: "object",
		src:  `{"a": 1, "b": "x"}`,
		want: jObj(jLine(0, 18),
			jMem("a", jLine(1, 4), jNum("1", jLine(6, 7))),
			jMem("b", jLine(9, 12), jStr("x", jLine(14, 17)))),
	},
	{
		name: "empty object and array",
		src:  `[{}, [ ], { }]`,
		want: jArr(jLine(0, 14), jObj(jLine(1, 3)), jArr(jLine(5, 8)), jObj(jLine(10, 13))),
	},
	{
		name: "literals and numbers",
		src:  `[true, false, null, 0, -1.5e3, 2E-7, 10.25]`,
		want: jArr(jLine(0, 43),
			jBool(true, jLine(1, 5)), jBool(false, jLine(7, 12)), jNull(jLine(14, 18)), jNum("0", jLine(20, 21)),
			jNum("-1.5e3", jLine(23, 29)), jNum("2E-7", jLine(31, 35)), jNum("10.25", jLine(37, 42))),
	},
	{
		name: "scalar at top level",
		src:  "  \"x\"\n",
		want: jStr("x", jLine(2, 5)),
	},
	{
		name: "nested on several lines",
		src:  "{\n  \"a\": {\n    \"b\": [1, {\"c\": null}]\n  }\n}\n",
		want: jObj(jRng(1, 1, 0, 5, 2, 42),
			jMem("a", jRng(2, 3, 4, 2, 6, 7), jObj(jRng(2, 8, 9, 4, 4, 40),
				jMem("b", jRng(3, 5, 15, 3, 8, 18), jArr(jRng(3, 10, 20, 3, 26, 36),
					jNum("1", jRng(3, 11, 21, 3, 12, 22)),
					jObj(jRng(3, 14, 24, 3, 25, 35),
						jMem("c", jRng(3, 15, 25, 3, 18, 28), jNull(jRng(3, 20, 30, 3, 24, 34))))))))),
	},
	{
		name: "comments in every position",
		src:  "/*0*/{/*1*/\"k\"/*2*/:/*3*/[/*4*/1/*5*/,/*6*/2/*7*/]/*8*/,// 9\n\"l\"://10\n0/*\n11*/}// 12\n/*13*///14",
		want: jObj(jRng(1, 6, 5, 4, 6, 79),
			jMem("k", jLine(11, 14), jArr(jLine(25, 50), jNum("1", jLine(31, 32)), jNum("2", jLine(43, 44)))),
			jMem("l", jRng(2, 1, 61, 2, 4, 64), jNum("0", jRng(3, 1, 70, 3, 2, 71)))),
	},
	{
		name: "slash inside a string is no comment",
		src:  `["//", "/*"]`,
		want: jArr(jLine(0, 12), jStr("//", jLine(1, 5)), jStr("/*", jLine(7, 11))),
	},
	{
		name: "trailing commas",
		src:  `{"a": [1, [2,], {"b": 3,},], }`,
		want: jObj(jLine(0, 30),
			jMem("a", jLine(1, 4), jArr(jLine(6, 27),
				jNum("1", jLine(7, 8)),
				jArr(jLine(10, 14), jNum("2", jLine(11, 12))),
				jObj(jLine(16, 25), jMem("b", jLine(17, 20), jNum("3", jLine(22, 23))))))),
	},
	{
		name: "escapes",
		src:  `["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u00E9\u4e2D", "a\u0000b"]`,
		want: jArr(jLine(0, 60),
			jStr("\"\\/\b\f\n\r\t", jLine(1, 19)),
			jStr("Aéé中", jLine(21, 47)),
			jStr("a\x00b", jLine(49, 59))),
	},
	{
		name: "surrogate pairs and lone halves",
		src:  `["\ud83d\ude00", "\uD83D", "\ud800\u0041", "\udc00x", "\ud83d\ud83d\ude00"]`,
		want: jArr(jLine(0, 75),
			jStr("😀", jLine(1, 15)),
			jStr("\uFFFD", jLine(17, 25)),
			jStr("\uFFFDA", jLine(27, 41)),
			jStr("\uFFFDx", jLine(43, 52)),
			jStr("\uFFFD😀", jLine(54, 74))),
	},
	{
		name: "columns count characters, not bytes",
		src:  "[\"日本\", 1, \"é\"]\n[",
		want: jArr(jRng(1, 1, 0, 1, 15, 19),
			jStr("日本", jRng(1, 2, 1, 1, 6, 9)),
			jNum("1", jRng(1, 8, 11, 1, 9, 12)),
			jStr("é", jRng(1, 11, 14, 1, 14, 18))),
		diags: []jDiag{{"Unexpected token", `Expected the end of the file after the value, found "[".`, jRng(2, 1, 20, 2, 2, 21)}},
	},
	{
		name: "tab counts as one column",
		src:  "{\t\"a\":\t1}",
		want: jObj(jLine(0, 9), jMem("a", jLine(2, 5), jNum("1", jLine(7, 8)))),
	},
	{
		name: "byte order mark",
		src:  "\xEF\xBB\xBF{\"a\": true}",
		want: jObj(jRng(1, 1, 3, 1, 12, 14), jMem("a", jRng(1, 2, 4, 1, 5, 7), jBool(true, jRng(1, 7, 9, 1, 11, 13)))),
	},
	{
		name: "CRLF line endings",
		src:  "{\r\n  \"a\": 1\r\n}\r\n",
		want: jObj(jRng(1, 1, 0, 3, 2, 14), jMem("a", jRng(2, 3, 5, 2, 6, 8), jNum("1", jRng(2, 8, 10, 2, 9, 11)))),
	},
	{
		name: "a lone CR is a character, not a line end",
		src:  "[1,\r2]",
		want: jArr(jLine(0, 6), jNum("1", jLine(1, 2)), jNum("2", jLine(4, 5))),
	},
	{
		name: "duplicate names kept in order",
		src:  `{"a": 1, "A": 2, "a": 3}`,
		want: jObj(jLine(0, 24),
			jMem("a", jLine(1, 4), jNum("1", jLine(6, 7))),
			jMem("A", jLine(9, 12), jNum("2", jLine(14, 15))),
			jMem("a", jLine(17, 20), jNum("3", jLine(22, 23)))),
	},

	// Errors: the tree holds what was read, open arrays and objects ending where the error stands.
	{
		name:  "empty file",
		src:   " \n// nothing\n",
		diags: []jDiag{{"Empty file", "The file holds no JSON value, only whitespace or comments.", jRng(3, 1, 13, 3, 1, 13)}},
	},
	{
		name:  "unterminated string at end of file",
		src:   `{"a": "abc`,
		want:  jObj(jLine(0, 6)),
		diags: []jDiag{{"Unterminated string", "The string has no closing quote before the end of the file.", jLine(6, 10)}},
	},
	{
		name:  "unterminated string at end of line",
		src:   "[\"ab\r\n\"]",
		want:  jArr(jLine(0, 1)),
		diags: []jDiag{{"Unterminated string", "The string has no closing quote before the end of the line.", jLine(1, 4)}},
	},
	{
		name:  "unterminated name",
		src:   `{"a`,
		want:  jObj(jLine(0, 1)),
		diags: []jDiag{{"Unterminated string", "The string has no closing quote before the end of the file.", jLine(1, 3)}},
	},
	{
		name:  "missing colon",
		src:   `{"a": 1, "b" 2}`,
		want:  jObj(jLine(0, 13), jMem("a", jLine(1, 4), jNum("1", jLine(6, 7)))),
		diags: []jDiag{{"Missing colon", `Expected ":" after the property name "b", found "2".`, jLine(13, 14)}},
	},
	{
		name:  "missing comma between elements",
		src:   `[1 "two"]`,
		want:  jArr(jLine(0, 3), jNum("1", jLine(1, 2))),
		diags: []jDiag{{"Unexpected token", `Expected "," or "]" after an array element, found a string.`, jLine(3, 8)}},
	},
	{
		name:  "missing comma between members",
		src:   "{\"a\": 1\n \"b\": 2}",
		want:  jObj(jRng(1, 1, 0, 2, 2, 9), jMem("a", jLine(1, 4), jNum("1", jLine(6, 7)))),
		diags: []jDiag{{"Unexpected token", `Expected "," or "}" after the value of "a", found a string.`, jRng(2, 2, 9, 2, 5, 12)}},
	},
	{
		name:  "unquoted name",
		src:   `{a: 1}`,
		want:  jObj(jLine(0, 1)),
		diags: []jDiag{{"Unexpected token", `Expected a property name in double quotes, found "a".`, jLine(1, 2)}},
	},
	{
		name:  "bad literal",
		src:   `{"a": True}`,
		want:  jObj(jLine(0, 6)),
		diags: []jDiag{{"Unexpected token", `Expected a value, found "True".`, jLine(6, 10)}},
	},
	{
		name:  "double comma",
		src:   `[1,,2]`,
		want:  jArr(jLine(0, 3), jNum("1", jLine(1, 2))),
		diags: []jDiag{{"Unexpected token", `Expected a value, found ",".`, jLine(3, 4)}},
	},
	{
		name:  "lone comma",
		src:   `{,}`,
		want:  jObj(jLine(0, 1)),
		diags: []jDiag{{"Unexpected token", `Expected a property name in double quotes, found ",".`, jLine(1, 2)}},
	},
	{
		name:  "lone slash",
		src:   `[1 / 2]`,
		want:  jArr(jLine(0, 3), jNum("1", jLine(1, 2))),
		diags: []jDiag{{"Unexpected token", `Expected "," or "]" after an array element, found "/".`, jLine(3, 4)}},
	},
	{
		name:  "mismatched bracket",
		src:   `{"a": [1}`,
		want:  jObj(jLine(0, 8), jMem("a", jLine(1, 4), jArr(jLine(6, 8), jNum("1", jLine(7, 8))))),
		diags: []jDiag{{"Unexpected token", `Expected "," or "]" after an array element, found "}".`, jLine(8, 9)}},
	},
	{
		name:  "content after the value",
		src:   `{} x`,
		want:  jObj(jLine(0, 2)),
		diags: []jDiag{{"Unexpected token", `Expected the end of the file after the value, found "x".`, jLine(3, 4)}},
	},
	{
		name: "end of file inside nested objects",
		src:  "{\"a\": {\"b\": 1,\n",
		want: jObj(jRng(1, 1, 0, 2, 1, 15),
			jMem("a", jLine(1, 4), jObj(jRng(1, 7, 6, 2, 1, 15), jMem("b", jLine(7, 10), jNum("1", jLine(12, 13)))))),
		diags: []jDiag{{"Unexpected end of file", "The object opened at line 1, column 7 is not closed.", jRng(2, 1, 15, 2, 1, 15)}},
	},
	{
		name:  "end of file inside an array",
		src:   `[[1], 2`,
		want:  jArr(jLine(0, 7), jArr(jLine(1, 4), jNum("1", jLine(2, 3))), jNum("2", jLine(6, 7))),
		diags: []jDiag{{"Unexpected end of file", "The array opened at line 1, column 1 is not closed.", jLine(7, 7)}},
	},
	{
		name:  "end of file after a colon",
		src:   `{"a": `,
		want:  jObj(jLine(0, 6)),
		diags: []jDiag{{"Unexpected end of file", "Expected a value, found the end of the file.", jLine(6, 6)}},
	},
	{
		name:  "end of file after a name",
		src:   `{"a"`,
		want:  jObj(jLine(0, 4)),
		diags: []jDiag{{"Unexpected end of file", "The object opened at line 1, column 1 is not closed.", jLine(4, 4)}},
	},
	{
		name:  "invalid escape",
		src:   `{"a": "x\qy"}`,
		want:  jObj(jLine(0, 8)),
		diags: []jDiag{{"Invalid escape", `A backslash in a string must be followed by one of " \ / b f n r t or u and four hexadecimal digits.`, jLine(8, 10)}},
	},
	{
		name:  "invalid unicode escape",
		src:   `["ok", "\u12G4"]`,
		want:  jArr(jLine(0, 8), jStr("ok", jLine(1, 5))),
		diags: []jDiag{{"Invalid escape", `"\u" must be followed by four hexadecimal digits.`, jLine(8, 13)}},
	},
	{
		name:  "invalid low surrogate escape",
		src:   `["\ud83d\u00x0"]`,
		want:  jArr(jLine(0, 8)),
		diags: []jDiag{{"Invalid escape", `"\u" must be followed by four hexadecimal digits.`, jLine(8, 13)}},
	},
	{
		name:  "backslash at end of line",
		src:   "[\"a\\\n\"]",
		want:  jArr(jLine(0, 3)),
		diags: []jDiag{{"Invalid escape", `A backslash in a string must be followed by one of " \ / b f n r t or u and four hexadecimal digits.`, jLine(3, 4)}},
	},
	{
		name:  "escape cut by end of file",
		src:   `["\u00`,
		want:  jArr(jLine(0, 1)),
		diags: []jDiag{{"Unterminated string", "The string has no closing quote before the end of the file.", jLine(1, 6)}},
	},
	{
		name:  "control character in string",
		src:   "[\"a\tb\"]",
		want:  jArr(jLine(0, 3)),
		diags: []jDiag{{"Invalid character in string", `Control character U+0009 must be written as an escape such as \u0009.`, jLine(3, 4)}},
	},
	{
		name:  "invalid UTF-8 in string",
		src:   "[\"é\xff\"]",
		want:  jArr(jRng(1, 1, 0, 1, 4, 4)),
		diags: []jDiag{{"Invalid UTF-8", "Byte 0xFF does not start a UTF-8 character; the file must be saved as UTF-8.", jRng(1, 4, 4, 1, 5, 5)}},
	},
	{
		name:  "UTF-8 encoded surrogate in string",
		src:   "[\"\xed\xa0\x80\"]",
		want:  jArr(jLine(0, 2)),
		diags: []jDiag{{"Invalid UTF-8", "Byte 0xED does not start a UTF-8 character; the file must be saved as UTF-8.", jLine(2, 3)}},
	},
	{
		name:  "invalid UTF-8 outside strings",
		src:   "[\xff]",
		want:  jArr(jLine(0, 1)),
		diags: []jDiag{{"Unexpected token", `Expected a value, found "\xff".`, jLine(1, 2)}},
	},
	{
		name:  "leading zero",
		src:   `[01]`,
		want:  jArr(jLine(0, 1)),
		diags: []jDiag{{"Invalid number", `"01" is not a JSON number.`, jLine(1, 3)}},
	},
	{
		name:  "number without fraction digits",
		src:   `{"a": -1.e5}`,
		want:  jObj(jLine(0, 6)),
		diags: []jDiag{{"Invalid number", `"-1.e5" is not a JSON number.`, jLine(6, 11)}},
	},
	{
		name:  "minus alone",
		src:   `[-]`,
		want:  jArr(jLine(0, 1)),
		diags: []jDiag{{"Invalid number", `"-" is not a JSON number.`, jLine(1, 2)}},
	},
	{
		name:  "exponent without digits",
		src:   `[1e+]`,
		want:  jArr(jLine(0, 1)),
		diags: []jDiag{{"Invalid number", `"1e+" is not a JSON number.`, jLine(1, 4)}},
	},
	{
		name:  "unterminated comment",
		src:   "[1, /* x\n",
		want:  jArr(jLine(0, 4), jNum("1", jLine(1, 2))),
		diags: []jDiag{{"Unterminated comment", `The comment has no closing "*/".`, jLine(4, 6)}},
	},
	{
		name:  "comment closing on its own opening",
		src:   "/*/ {}",
		diags: []jDiag{{"Unterminated comment", `The comment has no closing "*/".`, jLine(0, 2)}},
	},
	{
		name:  "unterminated comment after the value",
		src:   "{} /*",
		want:  jObj(jLine(0, 2)),
		diags: []jDiag{{"Unterminated comment", `The comment has no closing "*/".`, jLine(3, 5)}},
	},
	{
		name:  "top-level error reads nothing",
		src:   `}`,
		diags: []jDiag{{"Unexpected token", `Expected a value, found "}".`, jLine(0, 1)}},
	},
}

func TestParseJSON(t *testing.T) {
	for _, tc := range jCases {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := ParseJSON([]byte(tc.src), jFile)
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("tree (-want +got):\n%s", diff)
			}
			var gotDiags []jDiag
			for _, d := range diags {
				if d.Severity != hcl.DiagError || d.Subject == nil {
					t.Fatalf("diagnostic not an error with a subject: %v", d)
				}
				gotDiags = append(gotDiags, jDiag{d.Summary, d.Detail, *d.Subject})
			}
			if diff := cmp.Diff(tc.diags, gotDiags); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseJSONDepth(t *testing.T) {
	deepest := strings.Repeat("[", jsonMaxDepth) + strings.Repeat("]", jsonMaxDepth)
	if _, diags := ParseJSON([]byte(deepest), jFile); diags.HasErrors() {
		t.Fatalf("%d levels refused: %v", jsonMaxDepth, diags)
	}

	tooDeep := strings.Repeat(`{"a":[`, 1_000_000)
	got, diags := ParseJSON([]byte(tooDeep), jFile)
	if len(diags) != 1 || diags[0].Summary != "Nesting too deep" {
		t.Fatalf("diagnostics: %v", diags)
	}
	off := jsonMaxDepth / 2 * 6
	want := hcl.Range{Filename: jFile, Start: hcl.Pos{Line: 1, Column: off + 1, Byte: off}, End: hcl.Pos{Line: 1, Column: off + 2, Byte: off + 1}}
	if diff := cmp.Diff(want, *diags[0].Subject); diff != "" {
		t.Errorf("subject (-want +got):\n%s", diff)
	}
	// The partial tree holds every level read, each ending where the error stands.
	levels := 0
	for n := got; n != nil; levels++ {
		if n.Range.End != want.Start {
			t.Fatalf("level %d ends at %v", levels, n.Range.End)
		}
		switch n.Kind {
		case Object:
			n = n.Get("a")
		case Array:
			var next *Node
			if len(n.Elems) > 0 {
				next = n.Elems[0]
			}
			n = next
		}
	}
	if levels != jsonMaxDepth {
		t.Errorf("partial tree has %d levels, want %d", levels, jsonMaxDepth)
	}
}

func TestGet(t *testing.T) {
	root, diags := ParseJSON([]byte(`{"Name": 1, "name": 2, "NAME": 3, "a": 4, "a": 5, "list": [1], "Ünï": 6}`), jFile)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, tc := range []struct {
		name string
		want string // the number found, or "" for nil
	}{
		{"name", "2"}, // an exact match wins over a later one differing in case
		{"Name", "1"},
		{"NAME", "3"},
		{"nAmE", "3"}, // without an exact match, the last one matching without case
		{"a", "5"},    // duplicates: the last wins
		{"A", "5"},
		{"üNÏ", "6"},
		{"missing", ""},
		{"", ""},
	} {
		got := ""
		if n := root.Get(tc.name); n != nil {
			got = n.Text
		}
		if got != tc.want {
			t.Errorf("Get(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if n := root.Get("list").Get("0"); n != nil {
		t.Errorf("Get on an array = %v, want nil", n)
	}
	var none *Node
	if n := none.Get("a"); n != nil {
		t.Errorf("Get on nil = %v, want nil", n)
	}
}

func TestPath(t *testing.T) {
	root, diags := ParseJSON([]byte(`{"properties": {"networkAcls": {"defaultAction": "Deny", "": {"x": 1}}, "tags": "t"}}`), jFile)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, tc := range []struct {
		path string
		want string // the text found, or "" for nil
	}{
		{"properties.networkAcls.defaultAction", "Deny"},
		{"Properties.NetworkACLs.DefaultAction", "Deny"},
		{"properties.tags", "t"},
		{"properties.networkAcls..x", "1"},
		{"properties.missing.defaultAction", ""},
		{"properties.tags.x", ""},
		{"properties.networkAcls.defaultAction.x", ""},
		{"nothing", ""},
	} {
		got := ""
		if n := root.Path(tc.path); n != nil {
			got = n.Text
		}
		if got != tc.want {
			t.Errorf("Path(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
	if n := root.Path("properties"); n == nil || n.Kind != Object {
		t.Errorf("Path of one step = %v, want the properties object", n)
	}
	var none *Node
	if n := none.Path("a.b"); n != nil {
		t.Errorf("Path on nil = %v, want nil", n)
	}
}

// jCorpus is the folder of the largest real template at hand; the benchmark is skipped without it.
const jCorpus = "/work/shared/corpus/Azure__AI-Landing-Zones"

func BenchmarkParseJSON(b *testing.B) {
	var path string
	var size int64
	_ = filepath.WalkDir(jCorpus, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".json" {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Size() > size {
			path, size = p, info.Size()
		}
		return nil
	})
	if path == "" {
		b.Skip("no JSON file under " + jCorpus)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := ParseJSON(src, path); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}
