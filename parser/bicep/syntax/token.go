package syntax

import (
	"strconv"

	"github.com/hashicorp/hcl/v2"
)

// tokenKind is the kind of a lexical token.
type tokenKind uint8

const (
	tokEOF tokenKind = iota
	tokIllegal
	tokNewline

	tokIdent // also every keyword except true, false and null: Bicep's keywords are contextual
	tokInt
	tokTrue
	tokFalse
	tokNull

	// A string without interpolation is one tokString. An interpolated one is a tokStringLeft ('abc${),
	// then for each further hole a tokStringMiddle (}mid${), and a tokStringRight (}def') to close it,
	// with the tokens of each hole's expression in between. Multi-line strings use the same kinds.
	tokString
	tokStringLeft
	tokStringMiddle
	tokStringRight

	tokLBrace       // {
	tokRBrace       // }
	tokLBrack       // [
	tokRBrack       // ]
	tokLParen       // (
	tokRParen       // )
	tokComma        // ,
	tokColon        // :
	tokDoubleColon  // ::
	tokDot          // .
	tokEllipsis     // ...
	tokQuestion     // ?
	tokCoalesce     // ??
	tokNot          // !
	tokNotEqual     // !=
	tokNotEqualFold // !~
	tokEqual        // ==
	tokEqualFold    // =~
	tokAssign       // =
	tokArrow        // =>
	tokLess         // <
	tokLessEqual    // <=
	tokGreater      // >
	tokGreaterEqual // >=
	tokPlus         // +
	tokMinus        // -
	tokStar         // *
	tokSlash        // /
	tokPercent      // %
	tokAnd          // &&
	tokOr           // ||
	tokPipe         // |
	tokAt           // @
	tokCaret        // ^
)

var tokenSpellings = [...]string{
	tokLBrace:       "{",
	tokRBrace:       "}",
	tokLBrack:       "[",
	tokRBrack:       "]",
	tokLParen:       "(",
	tokRParen:       ")",
	tokComma:        ",",
	tokColon:        ":",
	tokDoubleColon:  "::",
	tokDot:          ".",
	tokEllipsis:     "...",
	tokQuestion:     "?",
	tokCoalesce:     "??",
	tokNot:          "!",
	tokNotEqual:     "!=",
	tokNotEqualFold: "!~",
	tokEqual:        "==",
	tokEqualFold:    "=~",
	tokAssign:       "=",
	tokArrow:        "=>",
	tokLess:         "<",
	tokLessEqual:    "<=",
	tokGreater:      ">",
	tokGreaterEqual: ">=",
	tokPlus:         "+",
	tokMinus:        "-",
	tokStar:         "*",
	tokSlash:        "/",
	tokPercent:      "%",
	tokAnd:          "&&",
	tokOr:           "||",
	tokPipe:         "|",
	tokAt:           "@",
	tokCaret:        "^",
}

// String names the kind as an error message shows it.
func (k tokenKind) String() string {
	switch k {
	case tokEOF:
		return "end of file"
	case tokIllegal:
		return "invalid character"
	case tokNewline:
		return "newline"
	case tokIdent:
		return "identifier"
	case tokInt:
		return "integer"
	case tokTrue:
		return strconv.Quote("true")
	case tokFalse:
		return strconv.Quote("false")
	case tokNull:
		return strconv.Quote("null")
	case tokString, tokStringLeft, tokStringMiddle, tokStringRight:
		return "string"
	}
	return strconv.Quote(tokenSpellings[k])
}

// precedence returns the binding power of a binary operator, higher binding tighter, and 0 for any
// other token. The order is Bicep's: ?? below ||, below &&, below equality, below comparison, below
// + and -, below * / and %.
func (k tokenKind) precedence() int {
	switch k {
	case tokCoalesce:
		return 1
	case tokOr:
		return 2
	case tokAnd:
		return 3
	case tokEqual, tokNotEqual, tokEqualFold, tokNotEqualFold:
		return 4
	case tokLess, tokLessEqual, tokGreater, tokGreaterEqual:
		return 5
	case tokPlus, tokMinus:
		return 6
	case tokStar, tokSlash, tokPercent:
		return 7
	}
	return 0
}

// closing reports whether k ends something an opening token started.
func (k tokenKind) closing() bool {
	switch k {
	case tokRBrace, tokRBrack, tokRParen, tokStringMiddle, tokStringRight:
		return true
	}
	return false
}

// token is one lexical token and where it stands.
type token struct {
	kind tokenKind
	// text is an identifier or an integer as written, or a string piece's value: escapes resolved,
	// quotes and interpolation markers left out.
	text       string
	start, end hcl.Pos
	// lineStart is set when only whitespace and comments stand before the token on its line.
	lineStart bool
}
