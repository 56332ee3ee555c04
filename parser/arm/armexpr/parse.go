package armexpr

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
)

// maxDepth bounds the nesting of calls, property and index accesses, so that neither the parser nor the
// evaluator can be made to recurse without end. Templates, even compiled from Bicep, stay far below it.
const maxDepth = 500

// Split tells whether a JSON string from a template is an expression: "[...]" is one (its text returned
// without the brackets), "[[...]" is the literal string "[...]" (returned unescaped, isExpr false), anything
// else is a literal. As in ARM, the doubled bracket is an escape only in a string that ends with "]": any
// other string is returned as it is.
func Split(s string) (text string, isExpr bool) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return s, false
	}
	if s[1] == '[' {
		return s[1:], false
	}
	return s[1 : len(s)-1], true
}

// Expr is a parsed expression.
type Expr interface {
	eval(ev *evaluator) cty.Value
}

// literal is a string or an integer.
type literal struct {
	val cty.Value
}

// call is a function call. namespace is set for a user-defined function, ns.name(...).
type call struct {
	namespace, name string
	args            []Expr
}

// property is obj.name.
type property struct {
	obj  Expr
	name string
}

// index is obj[key].
type index struct {
	obj, key Expr
}

// Parse parses expression text (without the surrounding brackets). The error, a *SyntaxError, says what and
// at which character offset; it never panics.
func Parse(text string) (Expr, error) {
	p := &parser{lex: lexer{src: text}}
	for i, r := range text {
		if r == utf8.RuneError && !strings.HasPrefix(text[i:], string(utf8.RuneError)) {
			return nil, p.lex.errorf(i, "invalid UTF-8")
		}
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tokEOF {
		return nil, p.lex.errorf(0, "empty expression")
	}
	e, err := p.expr()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEOF {
		return nil, p.lex.errorf(p.tok.pos, "unexpected %s after the expression", p.tok)
	}
	return e, nil
}

type parser struct {
	lex   lexer
	tok   token
	depth int
}

func (p *parser) advance() error {
	tok, err := p.lex.next()
	p.tok = tok
	return err
}

// expect consumes a token of the given kind, which what names in the error when it is missing.
func (p *parser) expect(kind tokenKind, what string) (token, error) {
	tok := p.tok
	if tok.kind != kind {
		return tok, p.lex.errorf(tok.pos, "expected %s, found %s", what, tok)
	}
	return tok, p.advance()
}

// nest counts one more level of nesting; the caller undoes it by lowering p.depth.
func (p *parser) nest(pos int) error {
	p.depth++
	if p.depth > maxDepth {
		return p.lex.errorf(pos, "expression nested more than %d deep", maxDepth)
	}
	return nil
}

func (p *parser) expr() (Expr, error) {
	depth := p.depth
	defer func() { p.depth = depth }()
	if err := p.nest(p.tok.pos); err != nil {
		return nil, err
	}
	var e Expr
	switch tok := p.tok; tok.kind {
	case tokString:
		e = &literal{val: cty.StringVal(tok.text)}
		if err := p.advance(); err != nil {
			return nil, err
		}
	case tokInt:
		e = &literal{val: cty.NumberIntVal(tok.num)}
		if err := p.advance(); err != nil {
			return nil, err
		}
	case tokIdent:
		c, err := p.call()
		if err != nil {
			return nil, err
		}
		e = c
	default:
		return nil, p.lex.errorf(tok.pos, "expected a function call, string or integer, found %s", tok)
	}
	for {
		switch p.tok.kind {
		case tokDot:
			if err := p.nest(p.tok.pos); err != nil {
				return nil, err
			}
			if err := p.advance(); err != nil {
				return nil, err
			}
			name, err := p.expect(tokIdent, "a property name")
			if err != nil {
				return nil, err
			}
			e = &property{obj: e, name: name.text}
		case tokLBracket:
			if err := p.nest(p.tok.pos); err != nil {
				return nil, err
			}
			if err := p.advance(); err != nil {
				return nil, err
			}
			key, err := p.expr()
			if err != nil {
				return nil, err
			}
			if _, err := p.expect(tokRBracket, `"]"`); err != nil {
				return nil, err
			}
			e = &index{obj: e, key: key}
		default:
			return e, nil
		}
	}
}

func (p *parser) call() (*call, error) {
	c := &call{name: p.tok.text}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tokDot {
		if err := p.advance(); err != nil {
			return nil, err
		}
		name, err := p.expect(tokIdent, "a function name after the namespace "+c.name)
		if err != nil {
			return nil, err
		}
		c.namespace, c.name = c.name, name.text
	}
	if p.tok.kind != tokLParen {
		what := `"(" after ` + c.name
		switch strings.ToLower(c.name) {
		case "true", "false", "null":
			// The JSON keywords are not literals in expressions; ARM has functions for them.
			what += " (write " + c.name + "())"
		}
		return nil, p.lex.errorf(p.tok.pos, "expected %s, found %s", what, p.tok)
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tokRParen {
		return c, p.advance()
	}
	for {
		arg, err := p.expr()
		if err != nil {
			return nil, err
		}
		c.args = append(c.args, arg)
		if p.tok.kind == tokRParen {
			return c, p.advance()
		}
		if _, err := p.expect(tokComma, `"," or ")"`); err != nil {
			return nil, err
		}
	}
}

// CallsList returns the names, as written, of the list* functions (listKeys, listSecrets...) that e calls
// anywhere, each once, in the order they first appear.
func CallsList(e Expr) []string {
	var names []string
	var walk func(Expr)
	walk = func(e Expr) {
		switch e := e.(type) {
		case *call:
			if e.namespace == "" && isList(e.name) && !slices.Contains(names, e.name) {
				names = append(names, e.name)
			}
			for _, arg := range e.args {
				walk(arg)
			}
		case *property:
			walk(e.obj)
		case *index:
			walk(e.obj)
			walk(e.key)
		}
	}
	walk(e)
	return names
}

// isList tells whether a function is one of ARM's list{Value} functions, which call a resource's POST
// list action: listKeys, listSecrets, listConnectionStrings and every other the providers define.
func isList(name string) bool {
	return len(name) >= len("list") && strings.EqualFold(name[:len("list")], "list")
}
