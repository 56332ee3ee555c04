package syntax

import (
	"strconv"

	"github.com/hashicorp/hcl/v2"
)

// atDeclStart reports whether tok starts a line and, with the token after it, a declaration.
func (p *parser) atDeclStart() bool {
	if p.tok.kind != tokIdent || !p.tok.lineStart || !p.declKeyword(p.tok.text) {
		return false
	}
	next := p.peek().kind
	switch p.tok.text {
	case "targetScope":
		return next == tokAssign
	case "import":
		return next == tokString || next == tokStringLeft || next == tokLBrace || next == tokStar
	case "using", "extension", "provider":
		return next == tokString || next == tokStringLeft || next == tokIdent
	case "extends":
		return next == tokString || next == tokStringLeft
	}
	return next == tokIdent
}

// declKeyword reports whether word starts a declaration in this kind of file.
func (p *parser) declKeyword(word string) bool {
	switch word {
	case "param", "var", "type", "func", "import", "extension", "provider":
		return true
	case "using", "extends":
		return p.paramsFile
	case "targetScope", "metadata", "resource", "module", "output", "assert":
		return !p.paramsFile
	}
	return false
}

func (p *parser) declarationList() string {
	if p.paramsFile {
		return "declaration (using, extends, param, var, type, func, import or extension)"
	}
	return "declaration (targetScope, metadata, param, var, type, func, resource, module, output, import, extension or assert)"
}

func (p *parser) parseFile() {
	for p.tok.kind != tokEOF {
		if p.tok.kind == tokNewline {
			p.advance()
			continue
		}
		p.file.Decls = append(p.file.Decls, p.parseDecl())
		if p.tok.kind != tokNewline && p.tok.kind != tokEOF && !p.atDeclStart() {
			p.errorExpected("newline")
			p.skipLine()
		}
	}
}

// parseDecl reads one top-level statement, as a *BadDecl when it cannot.
func (p *parser) parseDecl() Decl {
	start := p.tok.start
	decorators := p.parseDecorators()
	if p.tok.kind == tokIdent && p.declKeyword(p.tok.text) {
		if d := p.parseKeywordDecl(decorators); d != nil {
			return d
		}
	} else {
		if decorators != nil {
			p.errorExpected("declaration after decorators")
		} else {
			p.errorExpected(p.declarationList())
		}
		if p.tok.kind != tokNewline && p.tok.kind != tokEOF {
			p.next()
		}
	}
	p.skipLine()
	return &BadDecl{Rng: p.rangeFrom(start)}
}

// parseKeywordDecl reads the declaration whose keyword is at tok, or returns nil when it cannot.
func (p *parser) parseKeywordDecl(decorators []*Decorator) Decl {
	start := p.tok.start
	keyword := p.tok.text
	switch keyword {
	case "targetScope", "using", "extends", "extension", "provider":
		if decorators != nil {
			p.error(decorators[0].Rng, "decorators are not allowed on "+keyword)
		}
	}
	p.next()
	switch keyword {
	case "targetScope":
		if !p.expect(tokAssign) {
			return nil
		}
		return &TargetScope{Value: p.parseExpr(), Rng: p.rangeFrom(start)}
	case "metadata":
		if name := p.parseName("metadata name"); name != nil {
			value := p.parseAssignedValue()
			return &Metadata{Rng: p.rangeFrom(start), Decorators: decorators, Name: name, Value: value}
		}
	case "param":
		return p.parseParam(start, decorators)
	case "var":
		return p.parseVar(start, decorators)
	case "resource":
		if r := p.parseResource(start, decorators); r != nil {
			return r
		}
	case "module":
		return p.parseModule(start, decorators)
	case "output":
		if name := p.parseName("output name"); name != nil {
			typ := p.parseDeclType(true)
			value := p.parseAssignedValue()
			return &Output{Rng: p.rangeFrom(start), Decorators: decorators, Name: name, Type: typ, Value: value}
		}
	case "type":
		if name := p.parseName("type name"); name != nil && p.expect(tokAssign) {
			typ := p.parseDeclType(false)
			return &TypeDecl{Rng: p.rangeFrom(start), Decorators: decorators, Name: name, Type: typ}
		}
	case "func":
		return p.parseFunc(start, decorators)
	case "import":
		return p.parseImport(start, decorators)
	case "extension", "provider":
		return p.parseExtension(start)
	case "assert":
		if name := p.parseName("assert name"); name != nil {
			value := p.parseAssignedValue()
			return &Assert{Rng: p.rangeFrom(start), Decorators: decorators, Name: name, Value: value}
		}
	case "using":
		return p.parseUsing(start)
	case "extends":
		if path := p.parseStringLiteral("path string"); path != nil {
			return &Extends{Rng: p.rangeFrom(start), Path: path}
		}
	}
	return nil
}

// parseAssignedValue reads `= value`; a missing value is a *BadExpr.
func (p *parser) parseAssignedValue() Expr {
	if !p.expect(tokAssign) {
		return &BadExpr{Rng: p.missing()}
	}
	return p.parseExpr()
}

func (p *parser) parseParam(start hcl.Pos, decorators []*Decorator) Decl {
	name := p.parseName("parameter name")
	if name == nil {
		return nil
	}
	d := &Param{Decorators: decorators, Name: name}
	if p.paramsFile {
		d.Default = p.parseAssignedValue()
	} else {
		d.Type = p.parseDeclType(false)
		switch p.tok.kind {
		case tokAssign:
			p.next()
			d.Default = p.parseExpr()
		case tokNewline, tokEOF:
		default:
			p.errorExpected(strconv.Quote("=") + " or newline")
		}
	}
	d.Rng = p.rangeFrom(start)
	return d
}

func (p *parser) parseVar(start hcl.Pos, decorators []*Decorator) Decl {
	name := p.parseName("variable name")
	if name == nil {
		return nil
	}
	d := &Var{Decorators: decorators, Name: name}
	if p.tok.kind != tokAssign && p.tok.kind != tokNewline && p.tok.kind != tokEOF {
		d.Type = p.parseDeclType(false)
	}
	d.Value = p.parseAssignedValue()
	d.Rng = p.rangeFrom(start)
	return d
}

// parseResource reads a resource declaration after its keyword, at the top level or nested in another
// resource's body; it returns nil when it cannot.
func (p *parser) parseResource(start hcl.Pos, decorators []*Decorator) *Resource {
	name := p.parseName("resource name")
	if name == nil {
		return nil
	}
	typeRef := p.parseStringLiteral("resource type string")
	if typeRef == nil {
		return nil
	}
	r := &Resource{Decorators: decorators, Name: name, TypeRef: typeRef}
	if p.isKeyword("existing") {
		r.Existing = true
		p.next()
	}
	r.Value = p.parseDeployValue(resourceValue)
	r.Rng = p.rangeFrom(start)
	return r
}

func (p *parser) parseModule(start hcl.Pos, decorators []*Decorator) Decl {
	name := p.parseName("module name")
	if name == nil {
		return nil
	}
	path := p.parseStringLiteral("module path string")
	if path == nil {
		return nil
	}
	value := p.parseDeployValue(moduleValue)
	return &Module{Rng: p.rangeFrom(start), Decorators: decorators, Name: name, Path: path, Value: value}
}

// valueKind is what an object, a loop or a condition is read for.
type valueKind uint8

const (
	exprValue     valueKind = iota
	resourceValue           // a resource's body, which may hold nested resources
	moduleValue
)

// parseDeployValue reads what follows the name and type of a resource or module: `= {...}`,
// `= if (cond) {...}` or `= [for ...: ...]`.
func (p *parser) parseDeployValue(kind valueKind) Expr {
	// Resources nest in resources' bodies without going through an expression, so count them here.
	p.enter()
	defer p.leave()
	if !p.expect(tokAssign) {
		return &BadExpr{Rng: p.missing()}
	}
	if p.tok.kind == tokNewline {
		if next := p.peek(); next.kind == tokIdent && next.text == "if" {
			p.advance()
		}
	}
	switch {
	case p.tok.kind == tokLBrace:
		return p.parseObject(kind == resourceValue)
	case p.isKeyword("if"):
		return p.parseIf(kind)
	case p.tok.kind == tokLBrack:
		return p.parseBracketed(kind)
	}
	p.errorExpected(strconv.Quote("{") + ", " + strconv.Quote("if") + " or " + strconv.Quote("["))
	return &BadExpr{Rng: p.missing()}
}

// parseIf reads `if (cond) body`; the body of a resource's or module's condition is an object.
func (p *parser) parseIf(kind valueKind) Expr {
	start := p.tok.start
	p.next()
	var cond Expr
	if p.tok.kind == tokLParen {
		p.open(tokRParen, true)
		cond = p.parseExpr()
		p.close()
	} else {
		p.errorExpected(strconv.Quote("("))
		cond = &BadExpr{Rng: p.missing()}
	}
	var body Expr
	switch {
	case kind == exprValue:
		body = p.parseExpr()
	case p.tok.kind == tokLBrace:
		body = p.parseObject(kind == resourceValue)
	default:
		p.errorExpected(strconv.Quote("{"))
		body = &BadExpr{Rng: p.missing()}
	}
	return &If{Rng: p.rangeFrom(start), Cond: cond, Body: body}
}

// parseFor reads a loop from its for keyword to its closing bracket.
func (p *parser) parseFor(start hcl.Pos, kind valueKind) Expr {
	p.next()
	f := &For{}
	switch p.tok.kind {
	case tokIdent:
		f.Item = p.parseName("loop item name")
	case tokLParen:
		p.open(tokRParen, true)
		if f.Item = p.parseName("loop item name"); f.Item != nil && p.expect(tokComma) {
			f.Index = p.parseName("loop index name")
		}
		p.close()
	default:
		p.errorExpected("loop item name or " + strconv.Quote("("))
	}
	if f.Item == nil || !p.expectKeyword("in") {
		p.skipLine()
		p.skipNewlines()
		p.close()
		return &BadExpr{Rng: p.rangeFrom(start)}
	}
	f.Iterable = p.parseExpr()
	if p.expect(tokColon) {
		f.Body = p.parseForBody(kind)
	} else {
		f.Body = &BadExpr{Rng: p.missing()}
	}
	p.skipNewlines()
	p.close()
	f.Rng = p.rangeFrom(start)
	return f
}

// parseForBody reads a loop's body: for a resource or a module an object, possibly under a condition;
// otherwise any expression, which may also be filtered by a condition.
func (p *parser) parseForBody(kind valueKind) Expr {
	if p.isKeyword("if") && (kind != exprValue || p.peek().kind == tokLParen) {
		return p.parseIf(kind)
	}
	if kind == exprValue {
		return p.parseExpr()
	}
	if p.tok.kind == tokLBrace {
		return p.parseObject(kind == resourceValue)
	}
	p.errorExpected(strconv.Quote("{") + " or " + strconv.Quote("if"))
	return &BadExpr{Rng: p.missing()}
}

func (p *parser) parseFunc(start hcl.Pos, decorators []*Decorator) Decl {
	name := p.parseName("function name")
	if name == nil {
		return nil
	}
	if p.tok.kind != tokLParen {
		p.errorExpected(strconv.Quote("("))
		return nil
	}
	d := &Func{Decorators: decorators, Name: name}
	p.open(tokRParen, true)
	p.list("parameter", false, func() {
		if param := p.parseName("parameter name"); param != nil {
			d.Params = append(d.Params, &FuncParam{Name: param, Type: p.parseType()})
		}
	})
	p.close()
	d.Result = p.parseType()
	if p.expect(tokArrow) {
		p.skipNewlineBeforeOperand()
		d.Body = p.parseExpr()
	} else {
		d.Body = &BadExpr{Rng: p.missing()}
	}
	d.Rng = p.rangeFrom(start)
	return d
}

// skipNewlineBeforeOperand lets what follows an operator, a lambda's arrow or the ? and : of a ternary
// start on the next line, unless that line starts a declaration: then the operand is missing, and the
// declaration is not taken for it.
func (p *parser) skipNewlineBeforeOperand() {
	if p.tok.kind != tokNewline {
		return
	}
	if next := p.peek(); next.kind != tokIdent || !p.declKeyword(next.text) {
		p.advance()
	}
}

func (p *parser) parseImport(start hcl.Pos, decorators []*Decorator) Decl {
	d := &Import{Decorators: decorators}
	switch p.tok.kind {
	case tokString, tokStringLeft:
		d.Path = p.parseString()
		d.Config, d.Alias = p.parseWithAs()
		d.Rng = p.rangeFrom(start)
		return d
	case tokLBrace:
		p.open(tokRBrace, false)
		p.list("imported name", false, func() {
			if name := p.parseImportName(); name != nil {
				d.Names = append(d.Names, name)
			}
		})
		p.close()
	case tokStar:
		p.next()
		if !p.expectKeyword("as") {
			return nil
		}
		if d.Wildcard = p.parseName("namespace name"); d.Wildcard == nil {
			return nil
		}
	default:
		p.errorExpected("string, " + strconv.Quote("{") + " or " + strconv.Quote("*"))
		return nil
	}
	if !p.expectKeyword("from") {
		return nil
	}
	if d.Path = p.parseStringLiteral("path string"); d.Path == nil {
		return nil
	}
	d.Rng = p.rangeFrom(start)
	return d
}

// parseImportName reads `name` or `name as alias` in an import list, where a name may also be quoted.
func (p *parser) parseImportName() *ImportName {
	var name *Ident
	switch p.tok.kind {
	case tokIdent:
		name = p.parseName("imported name")
	case tokString:
		name = &Ident{Rng: p.tokRange(), Name: p.tok.text}
		p.next()
		if !p.isKeyword("as") {
			p.errorExpected(strconv.Quote("as"))
			return nil
		}
	default:
		p.errorExpected("imported name")
		return nil
	}
	n := &ImportName{Name: name}
	if p.isKeyword("as") {
		p.next()
		if n.Alias = p.parseName("alias"); n.Alias == nil {
			return nil
		}
	}
	return n
}

// parseWithAs reads the optional `with {...}` and `as alias` after a provider or an extension.
func (p *parser) parseWithAs() (config Expr, alias *Ident) {
	config = p.parseWith()
	if p.isKeyword("as") {
		p.next()
		alias = p.parseName("alias")
	}
	return config, alias
}

// parseWith reads an optional `with {...}`, returning the object or nil.
func (p *parser) parseWith() Expr {
	if !p.isKeyword("with") {
		return nil
	}
	p.next()
	if p.tok.kind != tokLBrace {
		p.errorExpected(strconv.Quote("{"))
		return &BadExpr{Rng: p.missing()}
	}
	return p.parseObject(false)
}

func (p *parser) parseExtension(start hcl.Pos) Decl {
	d := &Extension{}
	switch p.tok.kind {
	case tokIdent:
		d.Name = &Ident{Rng: p.tokRange(), Name: p.tok.text}
		p.next()
	case tokString, tokStringLeft:
		d.Name = p.parseString()
	default:
		p.errorExpected("extension name or string")
		return nil
	}
	d.Config, d.Alias = p.parseWithAs()
	d.Rng = p.rangeFrom(start)
	return d
}

func (p *parser) parseUsing(start hcl.Pos) Decl {
	d := &Using{}
	switch {
	case p.isKeyword("none"):
		p.next()
	case p.tok.kind == tokString || p.tok.kind == tokStringLeft:
		d.Path = p.parseString()
		d.Config = p.parseWith()
	default:
		p.errorExpected("path string or " + strconv.Quote("none"))
		return nil
	}
	d.Rng = p.rangeFrom(start)
	return d
}

// parseStringLiteral reads a string that must be there, or reports it missing and returns nil.
func (p *parser) parseStringLiteral(what string) *String {
	if p.tok.kind != tokString && p.tok.kind != tokStringLeft {
		p.errorExpected(what)
		return nil
	}
	return p.parseString()
}

// parseItemDecorators reads the decorators of an item in a list. When a declaration follows them, the
// list was left unclosed and they are the declaration's: they are kept for it, left out of the range of
// what encloses the list, and ok is false.
func (p *parser) parseItemDecorators(nestedResources bool) (decorators []*Decorator, ok bool) {
	end := p.prevEnd
	decorators = p.parseDecorators()
	if decorators != nil && p.declEndsList(nestedResources) {
		p.orphanDecorators = decorators
		p.prevEnd = end
		return nil, false
	}
	return decorators, true
}

// parseDecorators reads the decorators before a declaration, a property or a tuple item, each on its
// own line or several on one, after any that an unclosed list left for what follows it.
func (p *parser) parseDecorators() []*Decorator {
	decorators := p.orphanDecorators
	p.orphanDecorators = nil
	for p.tok.kind == tokAt {
		if d := p.parseDecorator(); d != nil {
			decorators = append(decorators, d)
		}
		p.skipNewlines()
	}
	return decorators
}

// parseDecorator reads @name(args) or @namespace.name(args), or returns nil when it cannot.
func (p *parser) parseDecorator() *Decorator {
	start := p.tok.start
	p.next()
	name := p.parseName("decorator name")
	if name == nil {
		return nil
	}
	call := &Call{Name: name}
	for p.tok.kind == tokDot {
		p.next()
		next := p.parseName("decorator name")
		if next == nil {
			return nil
		}
		if call.Receiver == nil {
			call.Receiver = call.Name
		} else {
			call.Receiver = &Access{Rng: hcl.RangeBetween(call.Receiver.Range(), call.Name.Rng), X: call.Receiver, Name: call.Name}
		}
		call.Name = next
	}
	if p.tok.kind == tokLParen {
		call.Args = p.parseArgs()
	} else {
		p.errorExpected(strconv.Quote("("))
	}
	call.Rng = p.rangeFrom(name.Rng.Start)
	return &Decorator{Rng: p.rangeFrom(start), Call: call}
}
