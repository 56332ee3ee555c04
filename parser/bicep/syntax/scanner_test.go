package syntax

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// scanAll returns the tokens of src up to the end of the file, one a line as `start-end kind "text"`,
// and the errors where the scanner reports them, as `start-end error: detail`. Positions are
// line:column, or line:column:byte when withBytes is set.
func scanAll(src string, withBytes bool) string {
	pos := func(p hcl.Pos) string {
		if withBytes {
			return fmt.Sprintf("%d:%d:%d", p.Line, p.Column, p.Byte)
		}
		return fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	var lines []string
	s := newScanner([]byte(src), "main.bicep", func(r hcl.Range, detail string) {
		lines = append(lines, fmt.Sprintf("%s-%s error: %s", pos(r.Start), pos(r.End), detail))
	})
	for {
		tok := s.scan()
		lines = append(lines, fmt.Sprintf("%s-%s %s %q", pos(tok.start), pos(tok.end), kindName(tok.kind), tok.text))
		if tok.kind == tokEOF {
			return strings.Join(lines, "\n")
		}
	}
}

func kindName(k tokenKind) string {
	switch k {
	case tokEOF:
		return "EOF"
	case tokIllegal:
		return "ILLEGAL"
	case tokNewline:
		return "NEWLINE"
	case tokIdent:
		return "IDENT"
	case tokInt:
		return "INT"
	case tokTrue:
		return "TRUE"
	case tokFalse:
		return "FALSE"
	case tokNull:
		return "NULL"
	case tokString:
		return "STRING"
	case tokStringLeft:
		return "LEFT"
	case tokStringMiddle:
		return "MIDDLE"
	case tokStringRight:
		return "RIGHT"
	}
	return tokenSpellings[k]
}

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{{
		name: "declaration",
		src:  "param name string = 'x'",
		want: `1:1-1:6 IDENT "param"
1:7-1:11 IDENT "name"
1:12-1:18 IDENT "string"
1:19-1:20 = ""
1:21-1:24 STRING "x"
1:24-1:24 EOF ""`,
	}, {
		name: "punctuation and operators",
		src:  "{}[](),:::....??? !!=!~===~==><=<>=+-*/%&&|||@^",
		want: `1:1-1:2 { ""
1:2-1:3 } ""
1:3-1:4 [ ""
1:4-1:5 ] ""
1:5-1:6 ( ""
1:6-1:7 ) ""
1:7-1:8 , ""
1:8-1:10 :: ""
1:10-1:11 : ""
1:11-1:14 ... ""
1:14-1:15 . ""
1:15-1:17 ?? ""
1:17-1:18 ? ""
1:19-1:20 ! ""
1:20-1:22 != ""
1:22-1:24 !~ ""
1:24-1:26 == ""
1:26-1:28 =~ ""
1:28-1:30 == ""
1:30-1:31 > ""
1:31-1:33 <= ""
1:33-1:34 < ""
1:34-1:36 >= ""
1:36-1:37 + ""
1:37-1:38 - ""
1:38-1:39 * ""
1:39-1:40 / ""
1:40-1:41 % ""
1:41-1:43 && ""
1:43-1:45 || ""
1:45-1:46 | ""
1:46-1:47 @ ""
1:47-1:48 ^ ""
1:48-1:48 EOF ""`,
	}, {
		name: "arrow, literals and keywords",
		src:  "x => true false null resource _a1 007",
		want: `1:1-1:2 IDENT "x"
1:3-1:5 => ""
1:6-1:10 TRUE "true"
1:11-1:16 FALSE "false"
1:17-1:21 NULL "null"
1:22-1:30 IDENT "resource"
1:31-1:34 IDENT "_a1"
1:35-1:38 INT "007"
1:38-1:38 EOF ""`,
	}, {
		name: "interpolation with an object in a hole",
		src:  "'a${b}c${ {x: 'd'}.x }e'",
		want: `1:1-1:5 LEFT "a"
1:5-1:6 IDENT "b"
1:6-1:10 MIDDLE "c"
1:11-1:12 { ""
1:12-1:13 IDENT "x"
1:13-1:14 : ""
1:15-1:18 STRING "d"
1:18-1:19 } ""
1:19-1:20 . ""
1:20-1:21 IDENT "x"
1:22-1:25 RIGHT "e"
1:25-1:25 EOF ""`,
	}, {
		name: "nested interpolation",
		src:  "'${'${x}'}'",
		want: `1:1-1:4 LEFT ""
1:4-1:7 LEFT ""
1:7-1:8 IDENT "x"
1:8-1:10 RIGHT ""
1:10-1:12 RIGHT ""
1:12-1:12 EOF ""`,
	}, {
		name: "escapes",
		src:  `'\n\r\t\\\'\$\u{41}\u{1F600}${x}\u{0}'`,
		want: `1:1-1:31 LEFT "\n\r\t\\'$A😀"
1:31-1:32 IDENT "x"
1:32-1:39 RIGHT "\x00"
1:39-1:39 EOF ""`,
	}, {
		name: "dollar without a brace",
		src:  "'$x $ {'",
		want: `1:1-1:9 STRING "$x $ {"
1:9-1:9 EOF ""`,
	}, {
		name: "multi-line strings",
		src:  "'''\nab\n  'c'\n''' x\n'''a''b'''\n''''q'''''\n'''\r\nd\r\n'''",
		want: `1:1-4:4 STRING "ab\n  'c'\n"
4:5-4:6 IDENT "x"
4:6-5:1 NEWLINE ""
5:1-5:11 STRING "a''b"
5:11-6:1 NEWLINE ""
6:1-6:11 STRING "'q''"
6:11-7:1 NEWLINE ""
7:1-9:4 STRING "d\r\n"
9:4-9:4 EOF ""`,
	}, {
		name: "interpolated multi-line strings",
		src:  "$'''a${b}c\n'''\n$$'''${x}$${y}$$$${z}'''",
		want: `1:1-1:8 LEFT "a"
1:8-1:9 IDENT "b"
1:9-2:4 RIGHT "c\n"
2:4-3:1 NEWLINE ""
3:1-3:13 LEFT "${x}"
3:13-3:14 IDENT "y"
3:14-3:20 MIDDLE "$$"
3:20-3:21 IDENT "z"
3:21-3:25 RIGHT ""
3:25-3:25 EOF ""`,
	}, {
		name: "blank and comment lines fold into one line break",
		src:  "a\n\n  // c\n\t\n/* d */\nb",
		want: `1:1-1:2 IDENT "a"
1:2-2:1 NEWLINE ""
6:1-6:2 IDENT "b"
6:2-6:2 EOF ""`,
	}, {
		name: "a block comment across lines is no line break",
		src:  "a /* x\ny */ b",
		want: `1:1-1:2 IDENT "a"
2:6-2:7 IDENT "b"
2:7-2:7 EOF ""`,
	}, {
		name: "pragmas at the start of a line only",
		src:  "  #disable-next-line BCP081\n#other\nb #c",
		want: `1:28-2:1 NEWLINE ""
3:1-3:2 IDENT "b"
3:3-3:4 error: invalid character "#"
3:3-3:4 ILLEGAL "#"
3:4-3:5 IDENT "c"
3:5-3:5 EOF ""`,
	}, {
		name: "a line break ends an open interpolation",
		src:  "'${a\nb}",
		want: `1:1-1:4 LEFT ""
1:4-1:5 IDENT "a"
1:1-1:5 error: string literal not terminated
1:5-2:1 NEWLINE ""
2:1-2:2 IDENT "b"
2:2-2:3 } ""
2:3-2:3 EOF ""`,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(strings.Split(tc.want, "\n"), strings.Split(scanAll(tc.src, false), "\n")); diff != "" {
				t.Errorf("tokens differ (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScanPositions checks byte offsets where they differ from columns: after a byte order mark, a
// carriage return, a lone carriage return (a line break to Bicep, but not to line numbers) and
// characters of several bytes.
func TestScanPositions(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{{
		name: "byte order mark",
		src:  "\xEF\xBB\xBFa b",
		want: `1:1:3-1:2:4 IDENT "a"
1:3:5-1:4:6 IDENT "b"
1:4:6-1:4:6 EOF ""`,
	}, {
		name: "CRLF",
		src:  "a\r\nb\r\n",
		want: `1:1:0-1:2:1 IDENT "a"
1:2:1-2:1:3 NEWLINE ""
2:1:3-2:2:4 IDENT "b"
2:2:4-3:1:6 NEWLINE ""
3:1:6-3:1:6 EOF ""`,
	}, {
		name: "lone carriage return",
		src:  "a\rb",
		want: `1:1:0-1:2:1 IDENT "a"
1:2:1-1:3:2 NEWLINE ""
1:3:2-1:4:3 IDENT "b"
1:4:3-1:4:3 EOF ""`,
	}, {
		name: "characters of several bytes",
		src:  "'é😀' x",
		want: `1:1:0-1:5:8 STRING "é😀"
1:6:9-1:7:10 IDENT "x"
1:7:10-1:7:10 EOF ""`,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(strings.Split(tc.want, "\n"), strings.Split(scanAll(tc.src, true), "\n")); diff != "" {
				t.Errorf("tokens differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScanLineStart(t *testing.T) {
	s := newScanner([]byte("a b\n  c /* x */ d\n/* y */ e"), "main.bicep", func(hcl.Range, string) {})
	var got []string
	for tok := s.scan(); tok.kind != tokEOF; tok = s.scan() {
		if tok.kind == tokIdent {
			got = append(got, fmt.Sprintf("%s %v", tok.text, tok.lineStart))
		}
	}
	want := []string{"a true", "b false", "c true", "d false", "e true"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("line starts differ (-want +got):\n%s", diff)
	}
}
