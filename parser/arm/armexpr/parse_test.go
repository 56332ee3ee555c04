package armexpr

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		in     string
		text   string
		isExpr bool
	}{
		{"[concat('a', 'b')]", "concat('a', 'b')", true},
		{"[]", "", true},
		{"[[not an expression]", "[not an expression]", false},
		{"[[]", "[]", false},
		{"[[only the start", "[[only the start", false},
		{"[no end", "[no end", false},
		{"no start]", "no start]", false},
		{" [leading space]", " [leading space]", false},
		{"plain", "plain", false},
		{"[", "[", false},
		{"", "", false},
	}
	for _, tt := range tests {
		text, isExpr := Split(tt.in)
		if text != tt.text || isExpr != tt.isExpr {
			t.Errorf("Split(%q) = %q, %v; want %q, %v", tt.in, text, isExpr, tt.text, tt.isExpr)
		}
	}
}

// render writes e back as expression text, in one canonical spelling: strings in Go's quotes, so that
// the test shows what the escapes turned into.
func render(e Expr) string {
	switch e := e.(type) {
	case *literal:
		if e.val.Type() == cty.String {
			return fmt.Sprintf("%q", e.val.AsString())
		}
		return e.val.AsBigFloat().String()
	case *call:
		args := make([]string, len(e.args))
		for i, arg := range e.args {
			args[i] = render(arg)
		}
		name := e.name
		if e.namespace != "" {
			name = e.namespace + "." + name
		}
		return name + "(" + strings.Join(args, ", ") + ")"
	case *property:
		return render(e.obj) + "." + e.name
	case *index:
		return render(e.obj) + "[" + render(e.key) + "]"
	}
	return fmt.Sprintf("<%T>", e)
}

func TestParse(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"concat('a', 'b')", `concat("a", "b")`},
		{" \tconcat ( 'a' ,\n'b' ) ", `concat("a", "b")`},
		{"'it''s'", `"it's"`},
		{"''''", `"'"`},
		{"''", `""`},
		{"'[brackets] and \"quotes\"'", `"[brackets] and \"quotes\""`},
		{"42", "42"},
		{"add(-1, 2)", "add(-1, 2)"},
		{"createArray()", "createArray()"},
		{"f(g(h(1)), 'x')", `f(g(h(1)), "x")`},
		{"parameters('cfg').network[0].id", `parameters("cfg").network[0].id`},
		{
			"reference(resourceId('Microsoft.X/a', 'n'), '2023-05-01').properties['key'].endpoint",
			`reference(resourceId("Microsoft.X/a", "n"), "2023-05-01").properties["key"].endpoint`,
		},
		{"f()[0][g()['a']].b", `f()[0][g()["a"]].b`},
		{"f() . a [ 1 ]", "f().a[1]"},
		{"myNamespace.myFunction(1)", "myNamespace.myFunction(1)"},
		{"ns.f(1).prop", "ns.f(1).prop"},
		{"f('日本', x_1())", `f("日本", x_1())`},
		{strings.Repeat("f(", maxDepth-1) + "1" + strings.Repeat(")", maxDepth-1),
			strings.Repeat("f(", maxDepth-1) + "1" + strings.Repeat(")", maxDepth-1)},
	}
	for _, tt := range tests {
		e, err := Parse(tt.text)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.text, err)
			continue
		}
		if got := render(e); got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("f(", maxDepth+1) + "1" + strings.Repeat(")", maxDepth+1)
	tests := []struct {
		text   string
		offset int
		msg    string
	}{
		{"", 0, "empty expression"},
		{"   ", 0, "empty expression"},
		{"concat('a'", 10, `expected "," or ")", found end of expression`},
		{"concat('a", 7, "unterminated string"},
		{"concat('it''s)", 7, "unterminated string"},
		{"true", 4, `expected "(" after true (write true()), found end of expression`},
		{"if(False, 1, 2)", 8, `expected "(" after False (write False()), found ","`},
		{"f(null)", 6, `expected "(" after null (write null()), found ")"`},
		{"f(1,)", 4, `expected a function call, string or integer, found ")"`},
		{"f(,1)", 2, `expected a function call, string or integer, found ","`},
		{"f() g()", 4, `unexpected "g" after the expression`},
		{"f())", 3, `unexpected ")" after the expression`},
		{"f().1", 4, "expected a property name, found integer"},
		{"f().'a'", 4, "expected a property name, found string"},
		{"f()[0", 5, `expected "]", found end of expression`},
		{"f()[]", 4, `expected a function call, string or integer, found "]"`},
		{"f(#)", 2, `unexpected character '#'`},
		{"f('日本', #)", 8, `unexpected character '#'`},
		{"f(-)", 2, "expected digits after '-'"},
		{"f(1.5)", 4, "expected a property name, found integer"},
		{"f(99999999999999999999)", 2, "integer 99999999999999999999 is out of range"},
		{"f('a\xff')", 4, "invalid UTF-8"},
		{"ns.(1)", 3, `expected a function name after the namespace ns, found "("`},
		{"ns.f.g(1)", 4, `expected "(" after f, found "."`},
		{"[1]", 0, `expected a function call, string or integer, found "["`},
		{deep, 2 * maxDepth, fmt.Sprintf("expression nested more than %d deep", maxDepth)},
	}
	for _, tt := range tests {
		e, err := Parse(tt.text)
		var syntax *SyntaxError
		if !errors.As(err, &syntax) {
			t.Errorf("Parse(%q) = %v, %v; want a *SyntaxError", tt.text, e, err)
			continue
		}
		if syntax.Offset != tt.offset || syntax.Message != tt.msg {
			t.Errorf("Parse(%q): %q at %d; want %q at %d", tt.text, syntax.Message, syntax.Offset, tt.msg, tt.offset)
		}
		if want := fmt.Sprintf("%s at character %d", tt.msg, tt.offset); err.Error() != want {
			t.Errorf("Parse(%q).Error() = %q, want %q", tt.text, err.Error(), want)
		}
	}
}

func TestCallsList(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"concat('a', 'b')", nil},
		{"listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-01-01').keys[0].value", []string{"listKeys"}},
		{
			"if(equals(1, 1), listSecrets(x(), '1').a[listKeys(y(), '1').i], concat(listKeys(z(), '1'), LISTKEYS(w(), '1')))",
			[]string{"listSecrets", "listKeys", "LISTKEYS"},
		},
		{"ns.listKeys(1)", nil},
		{"last(createArray(1))", nil},
	}
	for _, tt := range tests {
		e, err := Parse(tt.text)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.text, err)
		}
		if got := CallsList(e); !slices.Equal(got, tt.want) {
			t.Errorf("CallsList(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
