package syntax

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

const (
	// maxErrors is how many errors are reported before parsing stops: after that many, the rest are
	// mostly echoes of the first.
	maxErrors = 10
	// maxNesting bounds how deep expressions and types may nest, far above what anyone writes and far
	// below what would exhaust the stack.
	maxNesting = 500
)

// Parse reads src, the content of filename, which is a .bicepparam file when its name says so and a
// .bicep file otherwise. It never panics. It always returns a File, holding every declaration it could
// read: a statement it could not read at all is a *BadDecl, and an expression or a type it could not read
// within a declaration is a *BadExpr or a *BadType. Every diagnostic is an error whose Subject is the
// offending token or characters; there is at most one per line, and parsing stops after ten.
func Parse(src []byte, filename string) (file *File, diags hcl.Diagnostics) {
	p := &parser{src: src, filename: filename, paramsFile: strings.HasSuffix(filename, ".bicepparam"), file: &File{Name: filename}}
	p.sc = newScanner(src, filename, p.scanError)
	defer func() {
		switch r := recover().(type) {
		case nil:
		case bailout:
			// Comments past the point where parsing stopped still count, for suppressions.
			p.sc.drain()
		default:
			subject := p.tokRange()
			p.diags = append(p.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Internal error",
				Detail: fmt.Sprintf("The Bicep parser failed here (%v); please report this with the file.", r), Subject: &subject})
		}
		p.file.Comments, p.file.DisableNextLine = p.sc.comments, p.sc.pragmas
		file, diags = p.file, p.sortedDiagnostics()
	}()
	p.prevEnd = hcl.Pos{Line: 1, Column: 1, Byte: p.sc.begin}
	p.advance()
	p.parseFile()
	return file, diags
}

// bailout is the panic that stops parsing after too many errors.
type bailout struct{}

// bracket is a bracketed region being read: an object, an array, parentheses or an interpolation hole.
type bracket struct {
	closer tokenKind // for a hole, tokStringRight, which tokStringMiddle also matches
	// skipNewlines is set inside parentheses, brackets of an index and chevrons, where line breaks are
	// only whitespace; inside objects and arrays they separate items.
	skipNewlines bool
}

func (b bracket) closedBy(k tokenKind) bool {
	return k == b.closer || b.closer == tokStringRight && k == tokStringMiddle
}

type parser struct {
	sc         *scanner
	src        []byte
	filename   string
	paramsFile bool
	file       *File
	diags      hcl.Diagnostics

	tok      token   // the look-ahead token
	ahead    []token // tokens scanned past tok by peek
	prevEnd  hcl.Pos // where the last token consumed ends
	brackets []bracket
	nesting  int
	// orphanDecorators were read inside a region left unclosed, before the declaration they belong to.
	orphanDecorators []*Decorator
	// tooManyErrors is set when the scanner found an error past the limit; parsing stops once the token
	// it was reading is whole.
	tooManyErrors bool
}

// next consumes tok and reads the next token, skipping line breaks inside parentheses.
func (p *parser) next() {
	p.prevEnd = p.tok.end
	p.advance()
}

// advance reads the next token without counting tok as consumed: for line breaks, which no node ends
// with.
func (p *parser) advance() {
	for {
		if len(p.ahead) > 0 {
			p.tok = p.ahead[0]
			p.ahead = append(p.ahead[:0], p.ahead[1:]...)
		} else {
			p.tok = p.scan()
		}
		if p.tok.kind != tokNewline || !p.newlinesSkipped() {
			return
		}
	}
}

// peek returns the token that next would read.
func (p *parser) peek() token {
	for i := 0; ; i++ {
		if i == len(p.ahead) {
			p.ahead = append(p.ahead, p.scan())
		}
		if t := p.ahead[i]; t.kind != tokNewline || !p.newlinesSkipped() {
			return t
		}
	}
}

func (p *parser) scan() token {
	tok := p.sc.scan()
	if p.tooManyErrors {
		panic(bailout{})
	}
	return tok
}

func (p *parser) newlinesSkipped() bool {
	n := len(p.brackets)
	return n > 0 && p.brackets[n-1].skipNewlines
}

func (p *parser) skipNewlines() {
	for p.tok.kind == tokNewline {
		p.advance()
	}
}

// open consumes the opening token at tok and starts a region that closer ends. It returns where the
// opening token starts.
func (p *parser) open(closer tokenKind, skipNewlines bool) hcl.Pos {
	start := p.tok.start
	p.brackets = append(p.brackets, bracket{closer: closer, skipNewlines: skipNewlines})
	p.next()
	return start
}

// close ends the innermost region and consumes its closing token, reporting it when missing.
func (p *parser) close() {
	b := p.brackets[len(p.brackets)-1]
	p.brackets = p.brackets[:len(p.brackets)-1]
	if p.tok.kind == b.closer {
		p.next()
		return
	}
	closer := b.closer.String()
	if b.closer == tokStringRight {
		closer = strconv.Quote("}")
	}
	p.errorExpected(closer)
	if p.tok.kind == tokNewline && p.newlinesSkipped() {
		p.advance()
	}
}

// closesEnclosing reports whether k closes one of the regions being read.
func (p *parser) closesEnclosing(k tokenKind) bool {
	return slices.ContainsFunc(p.brackets, func(b bracket) bool { return b.closedBy(k) })
}

func (p *parser) enter() {
	p.nesting++
	if p.nesting > maxNesting {
		p.error(p.tokRange(), "expression nested too deeply")
		panic(bailout{})
	}
}

func (p *parser) leave() { p.nesting-- }

// error records an error unless one was already reported on the same line, which is most likely its
// echo, and stops parsing once there are too many.
func (p *parser) error(subject hcl.Range, detail string) {
	if !p.addError(subject, detail) {
		panic(bailout{})
	}
}

// scanError records an error the scanner found. Unlike error it does not stop parsing at once, which
// would leave the scanner inside a token: the rest of the file is still read for its comments.
func (p *parser) scanError(subject hcl.Range, detail string) {
	if !p.addError(subject, detail) {
		p.tooManyErrors = true
	}
}

// addError records an error unless one was already reported on its line, and reports false when there
// are already too many.
func (p *parser) addError(subject hcl.Range, detail string) bool {
	if n := len(p.diags); n > 0 && p.diags[n-1].Subject.Start.Line == subject.Start.Line {
		return true
	}
	if len(p.diags) == maxErrors {
		return false
	}
	p.diags = append(p.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Syntax error", Detail: detail, Subject: &subject})
	return true
}

// errorExpected reports that tok is not what was expected.
func (p *parser) errorExpected(what string) {
	p.error(p.tokRange(), "expected "+what+", found "+p.describe(p.tok))
}

// describe spells a token out for an error message.
func (p *parser) describe(t token) string {
	switch t.kind {
	case tokIdent, tokInt, tokIllegal:
		return strconv.Quote(t.text)
	case tokString, tokStringLeft, tokStringMiddle, tokStringRight:
		text := string(p.src[t.start.Byte:t.end.Byte])
		if i := strings.IndexAny(text, "\r\n"); i >= 0 {
			text = text[:i] + "..."
		}
		if len(text) > 40 {
			cut := 37
			for !utf8.RuneStart(text[cut]) {
				cut--
			}
			text = text[:cut] + "..."
		}
		return text
	}
	return t.kind.String()
}

// sortedDiagnostics returns the errors in source order, at most one per line: the scanner reports an
// error when it reads a token, which look-ahead may do before the parser reports an earlier one.
func (p *parser) sortedDiagnostics() hcl.Diagnostics {
	slices.SortStableFunc(p.diags, func(a, b *hcl.Diagnostic) int { return a.Subject.Start.Byte - b.Subject.Start.Byte })
	return slices.CompactFunc(p.diags, func(a, b *hcl.Diagnostic) bool { return a.Subject.Start.Line == b.Subject.Start.Line })
}

func (p *parser) tokRange() hcl.Range {
	return hcl.Range{Filename: p.filename, Start: p.tok.start, End: p.tok.end}
}

// rangeFrom returns the range from start to the end of the last token consumed.
func (p *parser) rangeFrom(start hcl.Pos) hcl.Range {
	return hcl.Range{Filename: p.filename, Start: start, End: p.prevEnd}
}

// missing returns an empty range just after the last token consumed, for a placeholder of something
// absent: there it lies inside whatever node holds it.
func (p *parser) missing() hcl.Range {
	return hcl.Range{Filename: p.filename, Start: p.prevEnd, End: p.prevEnd}
}

func (p *parser) isKeyword(word string) bool {
	return p.tok.kind == tokIdent && p.tok.text == word
}

// expect consumes a token of kind k, or reports what it finds instead. A wrong token is consumed too,
// so that the parser always makes progress, unless it ends a line or closes a bracket: those belong to
// whatever encloses this.
func (p *parser) expect(k tokenKind) bool {
	if p.tok.kind == k {
		p.next()
		return true
	}
	p.errorExpected(k.String())
	if p.tok.kind != tokNewline && p.tok.kind != tokEOF && !p.tok.kind.closing() {
		p.next()
	}
	return false
}

// expectKeyword consumes the contextual keyword word, or reports what it finds instead.
func (p *parser) expectKeyword(word string) bool {
	if p.isKeyword(word) {
		p.next()
		return true
	}
	p.errorExpected(strconv.Quote(word))
	return false
}

// parseName reads an identifier, or reports that what was expected is missing and returns nil.
func (p *parser) parseName(what string) *Ident {
	if p.tok.kind != tokIdent {
		p.errorExpected(what)
		return nil
	}
	id := &Ident{Rng: p.tokRange(), Name: p.tok.text}
	p.next()
	return id
}

// declEndsList reports whether tok starts a declaration, which ends a list left unclosed; in a resource's
// body, a nested resource does not.
func (p *parser) declEndsList(nestedResources bool) bool {
	if nestedResources && p.isKeyword("resource") {
		return false
	}
	return p.atDeclStart()
}

// skipLine skips what is left of a statement or an item after an error: up to the end of the line, or
// to a closing token that an enclosing region expects, or to a declaration that starts a line. Brackets
// opened on the way are skipped whole, across lines.
func (p *parser) skipLine() {
	var opened []bracket
	for p.tok.kind != tokEOF {
		k := p.tok.kind
		switch {
		case k == tokNewline && len(opened) == 0:
			return
		case p.atDeclStart():
			return
		case k == tokLBrace:
			opened = append(opened, bracket{closer: tokRBrace})
		case k == tokLBrack:
			opened = append(opened, bracket{closer: tokRBrack})
		case k == tokLParen:
			opened = append(opened, bracket{closer: tokRParen})
		case k == tokStringLeft:
			opened = append(opened, bracket{closer: tokStringRight})
		case k.closing():
			if n := len(opened); n > 0 && opened[n-1].closedBy(k) {
				if k != tokStringMiddle {
					opened = opened[:n-1]
				}
			} else if p.closesEnclosing(k) {
				return
			}
		}
		p.next()
	}
}

// list reads the items of the innermost region up to its closing token, calling item for each. Items
// are separated by commas and, where line breaks are significant, by line breaks; a trailing comma is
// allowed. The list also ends, as if closed, before a declaration that starts a line (so that a missing
// brace does not swallow the rest of the file) unless nestedResources allows `resource` there, and
// before a token that closes an enclosing region. what names an item, for errors.
func (p *parser) list(what string, nestedResources bool, item func()) {
	b := p.brackets[len(p.brackets)-1]
	separators := strconv.Quote(",") + " or newline"
	if b.skipNewlines {
		separators = strconv.Quote(",") + " or " + b.closer.String()
	}
	for {
		p.skipNewlines()
		switch {
		case p.tok.kind == b.closer || p.tok.kind == tokEOF || p.declEndsList(nestedResources):
			return
		case p.tok.kind.closing():
			if p.closesEnclosing(p.tok.kind) {
				return
			}
			p.errorExpected(what)
			p.next()
			continue
		}
		item()
		switch {
		case p.tok.kind == tokComma:
			p.next()
		case p.tok.kind == tokNewline || p.tok.kind == b.closer || p.tok.kind == tokEOF || p.declEndsList(nestedResources):
		default:
			p.errorExpected(separators)
			p.skipLine()
		}
	}
}

// parseExpr reads an expression: a ternary, or anything that binds tighter. A line break may come
// before the ? and the : of a ternary, and after any operator.
func (p *parser) parseExpr() Expr {
	p.enter()
	defer p.leave()
	cond := p.parseBinary(1)
	if p.tok.kind == tokNewline && p.peek().kind == tokQuestion {
		p.advance()
	}
	if p.tok.kind != tokQuestion {
		return cond
	}
	p.next()
	p.skipNewlineBeforeOperand()
	t := &Ternary{Cond: cond, Then: p.parseExpr()}
	if p.tok.kind == tokNewline && p.peek().kind == tokColon {
		p.advance()
	}
	if p.expect(tokColon) {
		p.skipNewlineBeforeOperand()
		t.Else = p.parseExpr()
	} else {
		t.Else = &BadExpr{Rng: p.missing()}
	}
	t.Rng = p.rangeFrom(cond.Range().Start)
	return t
}

// parseBinary reads operands joined by binary operators that bind at least as tightly as minPrecedence,
// left to right.
func (p *parser) parseBinary(minPrecedence int) Expr {
	x := p.parseUnary()
	for {
		prec := p.tok.kind.precedence()
		if prec < minPrecedence {
			return x
		}
		op := tokenSpellings[p.tok.kind]
		p.next()
		p.skipNewlineBeforeOperand()
		y := p.parseBinary(prec + 1)
		x = &Binary{Rng: p.rangeFrom(x.Range().Start), Op: op, X: x, Y: y}
	}
}

func (p *parser) parseUnary() Expr {
	switch p.tok.kind {
	case tokNot, tokMinus, tokPlus:
		p.enter()
		defer p.leave()
		start, op := p.tok.start, tokenSpellings[p.tok.kind]
		p.next()
		x := p.parseUnary()
		return &Unary{Rng: p.rangeFrom(start), Op: op, X: x}
	}
	return p.parsePostfix(p.parsePrimary())
}

// parsePostfix reads what follows an operand: .name, .?name, [index], [?index], ::child, .name(args)
// and the non-null assertion !.
func (p *parser) parsePostfix(x Expr) Expr {
	start := x.Range().Start
	for {
		switch p.tok.kind {
		case tokDot:
			p.next()
			safe := p.tok.kind == tokQuestion
			if safe {
				p.next()
			}
			name := p.parseName("property name")
			if name == nil {
				return &BadExpr{Rng: p.rangeFrom(start)}
			}
			if p.tok.kind != tokLParen {
				x = &Access{Rng: p.rangeFrom(start), X: x, Name: name, Safe: safe}
				continue
			}
			if safe {
				p.error(name.Rng, "a function cannot be called through .?")
			}
			args := p.parseArgs()
			x = &Call{Rng: p.rangeFrom(start), Receiver: x, Name: name, Args: args}
		case tokLBrack:
			p.open(tokRBrack, true)
			safe := p.tok.kind == tokQuestion
			if safe {
				p.next()
			}
			fromEnd := p.tok.kind == tokCaret
			if fromEnd {
				p.next()
			}
			index := p.parseExpr()
			p.close()
			x = &Index{Rng: p.rangeFrom(start), X: x, Index: index, Safe: safe, FromEnd: fromEnd}
		case tokDoubleColon:
			p.next()
			name := p.parseName("resource name")
			if name == nil {
				return &BadExpr{Rng: p.rangeFrom(start)}
			}
			x = &ChildAccess{Rng: p.rangeFrom(start), X: x, Name: name}
		case tokNot:
			p.next()
			x = &NonNull{Rng: p.rangeFrom(start), X: x}
		default:
			return x
		}
	}
}

func (p *parser) parsePrimary() Expr {
	if p.atDeclStart() {
		// Inside parentheses line breaks are skipped, so an unclosed one meets the next declaration.
		p.errorExpected("expression")
		return &BadExpr{Rng: p.missing()}
	}
	rng := p.tokRange()
	switch p.tok.kind {
	case tokIdent:
		id := &Ident{Rng: rng, Name: p.tok.text}
		p.next()
		switch p.tok.kind {
		case tokLParen:
			args := p.parseArgs()
			return &Call{Rng: p.rangeFrom(rng.Start), Name: id, Args: args}
		case tokArrow:
			return p.parseLambda(rng.Start, []*Ident{id})
		}
		return id
	case tokInt:
		n := &Int{Rng: rng, Text: p.tok.text}
		p.next()
		return n
	case tokTrue, tokFalse:
		b := &Bool{Rng: rng, Value: p.tok.kind == tokTrue}
		p.next()
		return b
	case tokNull:
		p.next()
		return &Null{Rng: rng}
	case tokString, tokStringLeft:
		return p.parseString()
	case tokLBrace:
		return p.parseObject(false)
	case tokLBrack:
		return p.parseBracketed(exprValue)
	case tokLParen:
		return p.parseParenOrLambda()
	}
	p.errorExpected("expression")
	return &BadExpr{Rng: p.missing()}
}

// parseArgs reads (args) after a function's name.
func (p *parser) parseArgs() []Expr {
	var args []Expr
	p.open(tokRParen, true)
	p.list("argument", false, func() { args = append(args, p.parseExpr()) })
	p.close()
	return args
}

// parseParenOrLambda reads (x), or the parameters of a lambda, (a, b) => body, which only the arrow
// after them tells apart.
func (p *parser) parseParenOrLambda() Expr {
	var items []Expr
	start := p.open(tokRParen, true)
	p.list("expression", false, func() { items = append(items, p.parseExpr()) })
	p.close()
	if p.tok.kind == tokArrow {
		params := make([]*Ident, 0, len(items))
		for _, item := range items {
			if id, ok := item.(*Ident); ok {
				params = append(params, id)
			} else {
				p.error(item.Range(), "expected a lambda parameter name")
			}
		}
		return p.parseLambda(start, params)
	}
	switch len(items) {
	case 0:
		p.error(p.rangeFrom(start), "expected one expression in parentheses")
		return &BadExpr{Rng: p.rangeFrom(start)}
	case 1:
		return &Paren{Rng: p.rangeFrom(start), X: items[0]}
	}
	p.error(items[1].Range(), "expected one expression in parentheses")
	return &BadExpr{Rng: p.rangeFrom(start)}
}

// parseLambda reads => body after a lambda's parameters.
func (p *parser) parseLambda(start hcl.Pos, params []*Ident) Expr {
	p.next()
	p.skipNewlineBeforeOperand()
	body := p.parseExpr()
	return &Lambda{Rng: p.rangeFrom(start), Params: params, Body: body}
}

// parseString reads a string, with the expression in each of its interpolation holes.
func (p *parser) parseString() *String {
	start := p.tok.start
	s := &String{Parts: []string{p.tok.text}}
	if p.tok.kind == tokString {
		p.next()
		s.Rng = p.rangeFrom(start)
		return s
	}
	p.open(tokStringRight, false)
	for {
		s.Exprs = append(s.Exprs, p.parseExpr())
		if p.tok.kind != tokStringMiddle && p.tok.kind != tokStringRight {
			p.errorExpected(strconv.Quote("}"))
			p.skipLine()
		}
		if p.tok.kind != tokStringMiddle {
			break
		}
		s.Parts = append(s.Parts, p.tok.text)
		p.next()
	}
	// A string cut short by an error still has a part after its last expression.
	if p.tok.kind == tokStringRight {
		s.Parts = append(s.Parts, p.tok.text)
	} else {
		s.Parts = append(s.Parts, "")
	}
	p.close()
	s.Rng = p.rangeFrom(start)
	return s
}

// parseObject reads { ... }. In a resource's body, an item may be a nested resource.
func (p *parser) parseObject(resourceBody bool) *Object {
	o := &Object{}
	start := p.open(tokRBrace, false)
	p.list("property", resourceBody, func() {
		if item := p.parseObjectItem(resourceBody); item != nil {
			o.Items = append(o.Items, item)
		}
	})
	p.close()
	o.Rng = p.rangeFrom(start)
	return o
}

// parseObjectItem reads a property, a spread or a nested resource, or returns nil when it cannot.
func (p *parser) parseObjectItem(resourceBody bool) ObjectItem {
	decorators, ok := p.parseItemDecorators(resourceBody)
	if !ok {
		return nil
	}
	start := p.tok.start
	if resourceBody && p.isKeyword("resource") && p.peek().kind == tokIdent {
		p.next()
		if r := p.parseResource(start, decorators); r != nil {
			return r
		}
		return nil
	}
	var key Expr
	switch p.tok.kind {
	case tokEllipsis:
		if decorators != nil {
			p.error(decorators[0].Rng, "decorators are not allowed on a spread")
		}
		return p.parseSpread()
	case tokIdent:
		key = &Ident{Rng: p.tokRange(), Name: p.tok.text}
		p.next()
	case tokString, tokStringLeft:
		key = p.parseString()
	default:
		p.errorExpected("property name")
		return nil
	}
	var value Expr
	if p.expect(tokColon) {
		value = p.parseExpr()
	} else {
		value = &BadExpr{Rng: p.missing()}
	}
	return &Property{Rng: p.rangeFrom(start), Decorators: decorators, Key: key, Value: value}
}

func (p *parser) parseSpread() *Spread {
	start := p.tok.start
	p.next()
	value := p.parseExpr()
	return &Spread{Rng: p.rangeFrom(start), Value: value}
}

// parseBracketed reads [ ... ]: an array, or a loop [for ...: body]. A resource's or a module's value
// can only be a loop.
func (p *parser) parseBracketed(kind valueKind) Expr {
	start := p.open(tokRBrack, false)
	p.skipNewlines()
	if p.isKeyword("for") {
		return p.parseFor(start, kind)
	}
	if kind != exprValue {
		p.errorExpected(strconv.Quote("for"))
	}
	a := &Array{}
	p.list("expression", false, func() {
		if p.tok.kind == tokEllipsis {
			a.Items = append(a.Items, p.parseSpread())
		} else {
			a.Items = append(a.Items, p.parseExpr())
		}
	})
	p.close()
	a.Rng = p.rangeFrom(start)
	return a
}
