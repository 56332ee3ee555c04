package syntax

import "strconv"

// parseDeclType reads the type of a declaration, which may also be `resource 'Type@version'`; an
// output's may leave the resource type out.
func (p *parser) parseDeclType(optionalResourceType bool) TypeExpr {
	if !p.isKeyword("resource") || p.peek().kind == tokLess {
		return p.parseType()
	}
	start := p.tok.start
	p.next()
	t := &ResourceType{}
	if p.tok.kind == tokString || p.tok.kind == tokStringLeft {
		t.TypeRef = p.parseString()
	} else if !optionalResourceType {
		p.errorExpected("resource type string")
		return &BadType{Rng: p.rangeFrom(start)}
	}
	t.Rng = p.rangeFrom(start)
	return t
}

// parseType reads a type: a union of members separated by |, each of which may start a line of its own,
// or a single member. A union may start with |.
func (p *parser) parseType() TypeExpr {
	p.enter()
	defer p.leave()
	if p.tok.kind == tokNewline && p.peek().kind == tokPipe {
		p.advance()
	}
	leadingPipe := p.tok.kind == tokPipe
	start := p.tok.start
	if leadingPipe {
		p.next()
	}
	first := p.parseUnaryType()
	if !leadingPipe {
		if !p.atUnionSeparator() {
			return first
		}
		start = first.Range().Start
	}
	u := &UnionType{Members: []TypeExpr{first}}
	for p.atUnionSeparator() {
		p.skipNewlines()
		p.next()
		if p.tok.kind == tokNewline || p.tok.kind == tokEOF {
			p.errorExpected("type")
			break
		}
		u.Members = append(u.Members, p.parseUnaryType())
	}
	u.Rng = p.rangeFrom(start)
	return u
}

func (p *parser) atUnionSeparator() bool {
	return p.tok.kind == tokPipe || p.tok.kind == tokNewline && p.peek().kind == tokPipe
}

// parseUnaryType reads a literal under - or ! (-1, !true), or a member type, then any ? that makes it
// nullable.
func (p *parser) parseUnaryType() TypeExpr {
	var t TypeExpr
	if p.tok.kind == tokMinus || p.tok.kind == tokNot {
		start := p.tok.start
		op := tokenSpellings[p.tok.kind]
		p.next()
		operand := p.parseMemberType()
		lit, ok := operand.(*LiteralType)
		if !ok {
			p.error(operand.Range(), "expected a literal after "+strconv.Quote(op))
			return &BadType{Rng: p.rangeFrom(start)}
		}
		t = &LiteralType{Rng: p.rangeFrom(start), Value: &Unary{Rng: p.rangeFrom(start), Op: op, X: lit.Value}}
	} else {
		t = p.parseMemberType()
	}
	start := t.Range().Start
	for p.tok.kind == tokQuestion {
		p.next()
		t = &NullableType{Rng: p.rangeFrom(start), Elem: t}
	}
	return t
}

// parseMemberType reads a primary type and what follows it: [] for an array, .name, .*, [*] or [index]
// for a part of it, and type arguments after a dotted name.
func (p *parser) parseMemberType() TypeExpr {
	t := p.parsePrimaryType()
	start := t.Range().Start
	for {
		switch p.tok.kind {
		case tokLBrack:
			p.open(tokRBrack, true)
			switch p.tok.kind {
			case tokRBrack:
				p.close()
				t = &ArrayType{Rng: p.rangeFrom(start), Elem: t}
				continue
			case tokStar:
				star := &Ident{Rng: p.tokRange(), Name: "*"}
				p.next()
				p.close()
				t = &TypeAccess{Rng: p.rangeFrom(start), X: t, Index: star}
			default:
				index := p.parseExpr()
				p.close()
				t = &TypeAccess{Rng: p.rangeFrom(start), X: t, Index: index}
			}
		case tokDot:
			p.next()
			if p.tok.kind == tokStar {
				p.next()
				t = &TypeAccess{Rng: p.rangeFrom(start), X: t, Name: "*"}
				continue
			}
			name := p.parseName("property name")
			if name == nil {
				return &BadType{Rng: p.rangeFrom(start)}
			}
			// A dotted name is a namespace and a type in it (sys.string) or a property of a type
			// (config.name): only what the first name stands for tells which, so both stay names.
			if named, ok := t.(*NamedType); ok && named.Args == nil {
				named.Name = append(named.Name, name)
				if p.tok.kind == tokLess {
					named.Args = p.parseTypeArgs()
				}
				named.Rng = p.rangeFrom(start)
				continue
			}
			t = &TypeAccess{Rng: p.rangeFrom(start), X: t, Name: name.Name}
		default:
			return t
		}
	}
}

func (p *parser) parsePrimaryType() TypeExpr {
	if p.atDeclStart() {
		p.errorExpected("type")
		return &BadType{Rng: p.missing()}
	}
	rng := p.tokRange()
	switch p.tok.kind {
	case tokIdent:
		t := &NamedType{Name: []*Ident{{Rng: rng, Name: p.tok.text}}}
		p.next()
		if p.tok.kind == tokLess {
			t.Args = p.parseTypeArgs()
		}
		t.Rng = p.rangeFrom(rng.Start)
		return t
	case tokString, tokStringLeft:
		s := p.parseString()
		return &LiteralType{Rng: s.Rng, Value: s}
	case tokInt, tokTrue, tokFalse, tokNull:
		return &LiteralType{Rng: rng, Value: p.parsePrimary()}
	case tokLBrace:
		return p.parseObjectType()
	case tokLBrack:
		return p.parseTupleType()
	case tokLParen:
		start := p.open(tokRParen, true)
		elem := p.parseType()
		p.close()
		return &ParenType{Rng: p.rangeFrom(start), Elem: elem}
	}
	p.errorExpected("type")
	return &BadType{Rng: p.missing()}
}

// parseTypeArgs reads <type, ...> after a generic type's name.
func (p *parser) parseTypeArgs() []TypeExpr {
	var args []TypeExpr
	p.open(tokGreater, true)
	p.list("type", false, func() { args = append(args, p.parseType()) })
	p.close()
	return args
}

// parseObjectType reads { name: type, 'other-name': type, *: type }.
func (p *parser) parseObjectType() TypeExpr {
	o := &ObjectType{}
	start := p.open(tokRBrace, false)
	p.list("property", false, func() {
		decorators, ok := p.parseItemDecorators(false)
		if !ok {
			return
		}
		nameRange, name := p.tokRange(), p.tok.text
		additional := p.tok.kind == tokStar
		switch p.tok.kind {
		case tokStar, tokIdent, tokString:
			p.next()
		case tokStringLeft:
			s := p.parseString()
			p.error(s.Rng, "a property name in a type cannot be interpolated")
			nameRange = s.Rng
		default:
			p.errorExpected("property name or " + strconv.Quote("*"))
			return
		}
		var typ TypeExpr
		if p.expect(tokColon) {
			typ = p.parseType()
		} else {
			typ = &BadType{Rng: p.missing()}
		}
		if additional {
			o.Additional = typ
			return
		}
		o.Properties = append(o.Properties, &TypeProperty{Rng: p.rangeFrom(nameRange.Start), Decorators: decorators,
			Name: name, NameRange: nameRange, Type: typ})
	})
	p.close()
	o.Rng = p.rangeFrom(start)
	return o
}

// parseTupleType reads [type, type], whose items may carry decorators.
func (p *parser) parseTupleType() TypeExpr {
	t := &TupleType{}
	start := p.open(tokRBrack, false)
	p.list("type", false, func() {
		decorators, ok := p.parseItemDecorators(false)
		if !ok {
			return
		}
		t.Items = append(t.Items, &TupleItem{Decorators: decorators, Type: p.parseType()})
	})
	p.close()
	t.Rng = p.rangeFrom(start)
	return t
}
