package syntax

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// fuzzSnippets are small sources that reach corners of the scanner and the parser, valid or not.
var fuzzSnippets = []string{
	"\xEF\xBB\xBFparam p string\r\n",
	"var s = 'a${b}c${ {x: 'd${e}'}.x }f'",
	"var s = '''\r\nline 1\r\n'''",
	"var s = $$'''${not} $${x} '''''",
	"var x = '\\u{1F600}\\u{110000}\\q\\",
	"var x = '${a\nvar y = 1",
	"/* unterminated",
	"#disable-next-line BCP081 // why\nresource r 'T@v' = {\n}",
	"resource r 'T@v' = [for (x, i) in xs: if (i == 0) {\n  name: x\n}]",
	"var f = [for x in y: x ? a : b]",
	"var l = map(xs, (x, i) => x.?a ?? i)",
	"type t = {\n  @minLength(1)\n  'a-b': string?\n  *: int\n}[]",
	"type u =\n  | 'a'\n  | -1\n  | !true",
	"func f(a string, b int) string => '${a}${b}'",
	"import {a, 'b' as c} from 'x.bicep'\nimport * as ns from 'y.bicep'",
	"using 'main.bicep' with { mode: 'stack' }\nparam p = 1",
	"var x = {{{{[[[[((((",
	"var x = )))]]]}}}",
	"var x = a.b[?^1]::c!.d(e)!",
	"@\n@a\n@a.\n@a.b(",
	"var x = ((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))",
	"resource a 'T' = {\n  properties: {\n    x: @@@\n  }\n\nparam p string",
	"var x = [\n  1\n  2, 3,\n]\n\"",
	"output o resource = r\noutput p resource 'T@v' = r",
	"var x = 1 +\n  2\nvar y = c\n  ? a\n  : b",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSnippets {
		f.Add([]byte(s))
	}
	for _, tc := range parseCases {
		f.Add([]byte(tc.src))
	}
	paths, err := filepath.Glob(filepath.Join("testdata", "errors", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"fuzz.bicep", "fuzz.bicepparam"} {
			file, diags := Parse(src, name)
			if file == nil {
				t.Fatal("no file")
			}
			checkParsed(t, src, name, file, diags)
		}
	})
}

// checkParsed checks what any parse must satisfy: well-formed diagnostics, at most maxErrors of them and
// at most one per line, and ranges that lie in order, agree with positions counted afresh and nest.
func checkParsed(t *testing.T, src []byte, filename string, file *File, diags hcl.Diagnostics) {
	t.Helper()
	if len(diags) > maxErrors {
		t.Errorf("%d diagnostics, more than %d", len(diags), maxErrors)
	}
	for i, d := range diags {
		if d.Severity != hcl.DiagError || d.Summary != "Syntax error" || d.Detail == "" || d.Subject == nil {
			t.Fatalf("malformed diagnostic %#v", d)
		}
		checkRange(t, src, filename, *d.Subject, "diagnostic "+d.Detail)
		if i > 0 && d.Subject.Start.Line <= diags[i-1].Subject.Start.Line {
			t.Errorf("diagnostic at %s follows one at %s", d.Subject, diags[i-1].Subject)
		}
	}
	whole := hcl.Range{Filename: filename, Start: posAt(src, 0), End: posAt(src, len(src))}
	bad := 0
	for _, d := range file.Decls {
		bad += checkNode(t, src, filename, d, whole)
	}
	if bad > 0 && len(diags) == 0 {
		t.Errorf("%d unreadable nodes, but no error", bad)
	}
	for _, c := range append(file.Comments, file.DisableNextLine...) {
		checkRange(t, src, filename, c.Rng, "comment")
		if got := string(src[c.Rng.Start.Byte:c.Rng.End.Byte]); got != c.Text {
			t.Errorf("comment %q at %s reads %q", c.Text, c.Rng, got)
		}
	}
}

// checkNode checks the range of n and of everything below it, which must lie inside outer, and what
// literals hold. It returns how many nodes stand for something unreadable.
func checkNode(t *testing.T, src []byte, filename string, n Node, outer hcl.Range) (bad int) {
	t.Helper()
	rng := n.Range()
	checkRange(t, src, filename, rng, "node")
	if rng.Start.Byte < outer.Start.Byte || rng.End.Byte > outer.End.Byte {
		t.Fatalf("%T at %s is not inside %s", n, rng, outer)
	}
	text := string(src[rng.Start.Byte:rng.End.Byte])
	switch n := n.(type) {
	case *BadDecl, *BadExpr, *BadType:
		bad++
	case *Int:
		if text != n.Text {
			t.Errorf("integer %q at %s reads %q", n.Text, rng, text)
		}
	case *Ident:
		// An imported name may be quoted.
		if text != n.Name && !strings.HasPrefix(text, "'") {
			t.Errorf("identifier %q at %s reads %q", n.Name, rng, text)
		}
	case *String:
		if len(n.Parts) != len(n.Exprs)+1 {
			t.Errorf("string at %s has %d parts around %d expressions", rng, len(n.Parts), len(n.Exprs))
		}
	}
	for _, c := range children(n) {
		inside := rng
		// A declaration, a property or a type property starts at its keyword or name, after its
		// decorators.
		if _, ok := c.(*Decorator); ok {
			inside = outer
		}
		bad += checkNode(t, src, filename, c, inside)
	}
	return bad
}

// checkRange checks that r is ordered, names the file, and holds the positions of its bytes.
func checkRange(t *testing.T, src []byte, filename string, r hcl.Range, what string) {
	t.Helper()
	if r.Filename != filename || r.Start.Byte > r.End.Byte {
		t.Fatalf("%s: bad range %#v", what, r)
	}
	for _, pos := range []hcl.Pos{r.Start, r.End} {
		if want := posAt(src, pos.Byte); pos != want {
			t.Fatalf("%s: position %#v, want %#v", what, pos, want)
		}
	}
}

// posAt counts the line and column of the byte at off from the start of src.
func posAt(src []byte, off int) hcl.Pos {
	if off < 0 || off > len(src) {
		return hcl.Pos{Line: -1, Column: -1, Byte: off}
	}
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	if lineStart == 0 && bytes.HasPrefix(src, byteOrderMark) {
		if off < len(byteOrderMark) {
			return hcl.Pos{Line: -1, Column: -1, Byte: off}
		}
		lineStart = len(byteOrderMark)
	}
	return hcl.Pos{Line: bytes.Count(src[:off], []byte("\n")) + 1, Column: utf8.RuneCount(src[lineStart:off]) + 1, Byte: off}
}

// children returns the nodes right below n, decorators included.
func children(n Node) []Node {
	var out []Node
	add := func(nodes ...Node) {
		for _, c := range nodes {
			if c != nil && !isNilNode(c) {
				out = append(out, c)
			}
		}
	}
	addDecorators := func(ds []*Decorator) {
		for _, d := range ds {
			add(d)
		}
	}
	switch n := n.(type) {
	case *Decorator:
		add(n.Call)
	case *TargetScope:
		add(n.Value)
	case *Metadata:
		addDecorators(n.Decorators)
		add(n.Name, n.Value)
	case *Param:
		addDecorators(n.Decorators)
		add(n.Name, n.Type, n.Default)
	case *Var:
		addDecorators(n.Decorators)
		add(n.Name, n.Type, n.Value)
	case *Resource:
		addDecorators(n.Decorators)
		add(n.Name, n.TypeRef, n.Value)
	case *Module:
		addDecorators(n.Decorators)
		add(n.Name, n.Path, n.Value)
	case *Output:
		addDecorators(n.Decorators)
		add(n.Name, n.Type, n.Value)
	case *TypeDecl:
		addDecorators(n.Decorators)
		add(n.Name, n.Type)
	case *Func:
		addDecorators(n.Decorators)
		add(n.Name)
		for _, fp := range n.Params {
			add(fp.Name, fp.Type)
		}
		add(n.Result, n.Body)
	case *Import:
		addDecorators(n.Decorators)
		for _, in := range n.Names {
			add(in.Name, in.Alias)
		}
		add(n.Wildcard, n.Path, n.Config, n.Alias)
	case *Extension:
		add(n.Name, n.Config, n.Alias)
	case *Using:
		add(n.Path, n.Config)
	case *Extends:
		add(n.Path)
	case *Assert:
		addDecorators(n.Decorators)
		add(n.Name, n.Value)
	case *String:
		for _, e := range n.Exprs {
			add(e)
		}
	case *Object:
		for _, item := range n.Items {
			add(item)
		}
	case *Property:
		addDecorators(n.Decorators)
		add(n.Key, n.Value)
	case *Spread:
		add(n.Value)
	case *Array:
		for _, item := range n.Items {
			add(item)
		}
	case *Paren:
		add(n.X)
	case *Unary:
		add(n.X)
	case *Binary:
		add(n.X, n.Y)
	case *Ternary:
		add(n.Cond, n.Then, n.Else)
	case *Access:
		add(n.X, n.Name)
	case *Index:
		add(n.X, n.Index)
	case *ChildAccess:
		add(n.X, n.Name)
	case *NonNull:
		add(n.X)
	case *Call:
		add(n.Receiver, n.Name)
		for _, a := range n.Args {
			add(a)
		}
	case *Lambda:
		for _, param := range n.Params {
			add(param)
		}
		add(n.Body)
	case *For:
		add(n.Item, n.Index, n.Iterable, n.Body)
	case *If:
		add(n.Cond, n.Body)
	case *NamedType:
		for _, name := range n.Name {
			add(name)
		}
		for _, a := range n.Args {
			add(a)
		}
	case *LiteralType:
		add(n.Value)
	case *ObjectType:
		for _, prop := range n.Properties {
			add(prop)
		}
		add(n.Additional)
	case *TypeProperty:
		addDecorators(n.Decorators)
		add(n.Type)
	case *ArrayType:
		add(n.Elem)
	case *TupleType:
		for _, item := range n.Items {
			addDecorators(item.Decorators)
			add(item.Type)
		}
	case *UnionType:
		for _, m := range n.Members {
			add(m)
		}
	case *NullableType:
		add(n.Elem)
	case *ResourceType:
		add(n.TypeRef)
	case *TypeAccess:
		add(n.X, n.Index)
	case *ParenType:
		add(n.Elem)
	}
	return out
}

// isNilNode reports whether c is an absent optional *Ident or *String, such as an alias or the path of
// `using none`.
func isNilNode(c Node) bool {
	switch c := c.(type) {
	case *Ident:
		return c == nil
	case *String:
		return c == nil
	}
	return false
}
