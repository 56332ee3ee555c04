// Package armexpr parses and evaluates the ARM template expression language: the "[...]" strings of a
// template, such as [concat('oai-', uniqueString(resourceGroup().id))].
//
// Evaluation is static. Whatever ARM only learns at deployment (resource IDs, reference(), list*(),
// uniqueString()) evaluates to an unknown cty value, marked with model.Ref values naming the resources and
// inputs it was computed from.
package armexpr

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokenKind uint8

const (
	tokEOF tokenKind = iota
	tokIdent
	tokString
	tokInt
	tokLParen
	tokRParen
	tokLBracket
	tokRBracket
	tokComma
	tokDot
)

type token struct {
	kind tokenKind
	// pos is the byte offset of the token in the text.
	pos int
	// text is an identifier or punctuation as written, or a string's value with its doubled quotes undone.
	text string
	num  int64
}

func (t token) String() string {
	switch t.kind {
	case tokEOF:
		return "end of expression"
	case tokIdent:
		return strconv.Quote(t.text)
	case tokString:
		return "string"
	case tokInt:
		return "integer"
	}
	return strconv.Quote(t.text)
}

var punctuation = map[byte]tokenKind{
	'(': tokLParen,
	')': tokRParen,
	'[': tokLBracket,
	']': tokRBracket,
	',': tokComma,
	'.': tokDot,
}

// SyntaxError is the error Parse returns.
type SyntaxError struct {
	// Offset counts the characters (not bytes) before the fault, from 0 at the start of the text passed to
	// Parse.
	Offset  int
	Message string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s at character %d", e.Message, e.Offset)
}

type lexer struct {
	src string
	pos int
}

// errorf builds a SyntaxError at byte offset pos. The text is valid UTF-8 (Parse checks), so counting the
// runes before pos gives the character offset.
func (l *lexer) errorf(pos int, format string, args ...any) error {
	return &SyntaxError{Offset: utf8.RuneCountInString(l.src[:pos]), Message: fmt.Sprintf(format, args...)}
}

func (l *lexer) next() (token, error) {
	for l.pos < len(l.src) {
		r, size := utf8.DecodeRuneInString(l.src[l.pos:])
		if !unicode.IsSpace(r) {
			break
		}
		l.pos += size
	}
	start := l.pos
	if start == len(l.src) {
		return token{kind: tokEOF, pos: start}, nil
	}
	c := l.src[start]
	if kind, ok := punctuation[c]; ok {
		l.pos++
		return token{kind: kind, pos: start, text: l.src[start:l.pos]}, nil
	}
	switch {
	case c == '\'':
		return l.str()
	case c == '-' || isDigit(c):
		return l.integer()
	}
	r, _ := utf8.DecodeRuneInString(l.src[start:])
	if !isIdentStart(r) {
		return token{}, l.errorf(start, "unexpected character %q", r)
	}
	for l.pos < len(l.src) {
		r, size := utf8.DecodeRuneInString(l.src[l.pos:])
		if !isIdentStart(r) && !unicode.IsDigit(r) {
			break
		}
		l.pos += size
	}
	return token{kind: tokIdent, pos: start, text: l.src[start:l.pos]}, nil
}

// str reads a single-quoted string, in which a quote is escaped by doubling it.
func (l *lexer) str() (token, error) {
	start := l.pos
	var b strings.Builder
	l.pos++
	for {
		i := strings.IndexByte(l.src[l.pos:], '\'')
		if i < 0 {
			return token{}, l.errorf(start, "unterminated string")
		}
		b.WriteString(l.src[l.pos : l.pos+i])
		l.pos += i + 1
		if l.pos < len(l.src) && l.src[l.pos] == '\'' {
			b.WriteByte('\'')
			l.pos++
			continue
		}
		return token{kind: tokString, pos: start, text: b.String()}, nil
	}
}

func (l *lexer) integer() (token, error) {
	start := l.pos
	if l.src[l.pos] == '-' {
		l.pos++
	}
	digits := l.pos
	for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
		l.pos++
	}
	if l.pos == digits {
		return token{}, l.errorf(start, "expected digits after '-'")
	}
	n, err := strconv.ParseInt(l.src[start:l.pos], 10, 64)
	if err != nil {
		return token{}, l.errorf(start, "integer %s is out of range", l.src[start:l.pos])
	}
	return token{kind: tokInt, pos: start, num: n}, nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }
