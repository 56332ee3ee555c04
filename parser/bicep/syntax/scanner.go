package syntax

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// byteOrderMark is what editors on Windows put before the first line; it is no character of the source.
var byteOrderMark = []byte("\xEF\xBB\xBF")

// scanner turns Bicep source into tokens, one at a time, the way Bicep's own lexer does: newlines are
// tokens, comments and pragmas are not, and an interpolated string comes as pieces with the tokens of
// each hole's expression between them.
type scanner struct {
	src      []byte
	filename string
	begin    int // the first byte after the byte order mark, if any
	off      int // the next byte to read

	// cursor is the position of byte cursor.Byte. Positions are asked for in source order, so each is
	// counted on from the last one and a long line is never counted twice.
	cursor hcl.Pos

	// lineStart is set while nothing but whitespace and comments stands before off on its line.
	lineStart bool

	// holes are the interpolation holes open around off, innermost last. A } closes the innermost hole
	// only when no object brace is open inside it.
	holes []hole

	comments []*Comment
	pragmas  []*Comment
	report   func(subject hcl.Range, detail string)
}

type hole struct {
	open      hcl.Pos // the start of the string piece that opened the hole
	braces    int     // object braces open inside the hole
	multiLine bool
	dollars   int // for a multi-line string: the number of $ before { that opens a hole
}

func newScanner(src []byte, filename string, report func(hcl.Range, string)) *scanner {
	s := &scanner{src: src, filename: filename, cursor: hcl.Pos{Line: 1, Column: 1}, lineStart: true, report: report}
	if bytes.HasPrefix(src, byteOrderMark) {
		s.begin = len(byteOrderMark)
		s.off, s.cursor.Byte = s.begin, s.begin
	}
	return s
}

// pos returns the position of the byte at off, which must not come before any position asked for so far.
func (s *scanner) pos(off int) hcl.Pos {
	for s.cursor.Byte < off {
		c := s.src[s.cursor.Byte]
		if c == '\n' {
			s.cursor = hcl.Pos{Line: s.cursor.Line + 1, Column: 1, Byte: s.cursor.Byte + 1}
			continue
		}
		size := 1
		if c >= utf8.RuneSelf {
			_, size = utf8.DecodeRune(s.src[s.cursor.Byte:])
		}
		s.cursor.Column++
		s.cursor.Byte += size
	}
	return s.cursor
}

func (s *scanner) errorf(start, end hcl.Pos, detail string) {
	s.report(hcl.Range{Filename: s.filename, Start: start, End: end}, detail)
}

func (s *scanner) byteAt(off int) byte {
	if off < len(s.src) {
		return s.src[off]
	}
	return 0
}

func isNewline(c byte) bool { return c == '\n' || c == '\r' }

// newlineEnd returns the end of the line break at off: \r\n counts as one.
func (s *scanner) newlineEnd(off int) int {
	if s.src[off] == '\r' && s.byteAt(off+1) == '\n' {
		return off + 2
	}
	return off + 1
}

// scan returns the next token. Blank lines, and lines holding only comments or pragmas, add nothing to
// the line break before them: a run of them is one tokNewline, spanning the first line break.
func (s *scanner) scan() token {
	var newline *token
	for s.off < len(s.src) {
		c := s.src[s.off]
		switch {
		case c == ' ' || c == '\t':
			s.off++
		case isNewline(c):
			end := s.newlineEnd(s.off)
			if len(s.holes) > 0 {
				// Bicep allows no line break inside an interpolation; the string is cut short here.
				s.errorf(s.holes[0].open, s.pos(s.off), "string literal not terminated")
				s.holes = s.holes[:0]
			}
			if newline == nil {
				newline = &token{kind: tokNewline, start: s.pos(s.off), end: s.pos(end)}
			}
			s.off = end
			s.lineStart = true
		case c == '/' && s.byteAt(s.off+1) == '/':
			s.lineComment()
		case c == '/' && s.byteAt(s.off+1) == '*':
			s.blockComment()
		case c == '#' && s.onlyBlanksBefore(s.off):
			s.pragma()
		default:
			if newline != nil {
				return *newline
			}
			return s.scanToken()
		}
	}
	if newline != nil {
		return *newline
	}
	end := s.pos(s.off)
	if len(s.holes) > 0 {
		s.errorf(s.holes[0].open, end, "string literal not terminated")
		s.holes = s.holes[:0]
	}
	return token{kind: tokEOF, start: end, end: end, lineStart: s.lineStart}
}

// drain reads the rest of the source for its comments and pragmas, reporting nothing.
func (s *scanner) drain() {
	s.report = func(hcl.Range, string) {}
	for {
		if s.scan().kind == tokEOF {
			return
		}
	}
}

// onlyBlanksBefore reports whether only spaces and tabs stand between the start of the line and off.
func (s *scanner) onlyBlanksBefore(off int) bool {
	for i := off - 1; i >= s.begin; i-- {
		switch s.src[i] {
		case ' ', '\t':
		case '\n', '\r':
			return true
		default:
			return false
		}
	}
	return true
}

func (s *scanner) lineComment() {
	start := s.off
	for s.off < len(s.src) && !isNewline(s.src[s.off]) {
		s.off++
	}
	s.addComment(&s.comments, start, s.off)
}

func (s *scanner) blockComment() {
	start := s.off
	end := bytes.Index(s.src[start+2:], []byte("*/"))
	if end < 0 {
		s.off = len(s.src)
		c := s.addComment(&s.comments, start, s.off)
		s.errorf(c.Rng.Start, c.Rng.End, "comment not terminated")
		return
	}
	s.off = start + 2 + end + 2
	s.addComment(&s.comments, start, s.off)
}

// pragma reads a # line: #disable-next-line codes, which is kept, or another directive, which is
// skipped. A comment after the directive is a comment of its own.
func (s *scanner) pragma() {
	start := s.off
	end := start
	for end < len(s.src) && !isNewline(s.src[end]) && !s.commentStarts(end) {
		end++
	}
	text := strings.TrimRight(string(s.src[start:end]), " \t")
	s.off = start + len(text)
	if strings.HasPrefix(text, "#disable-next-line") {
		s.addComment(&s.pragmas, start, s.off)
	}
}

// commentStarts reports whether a comment starts at off.
func (s *scanner) commentStarts(off int) bool {
	return s.byteAt(off) == '/' && (s.byteAt(off+1) == '/' || s.byteAt(off+1) == '*')
}

func (s *scanner) addComment(list *[]*Comment, start, end int) *Comment {
	c := &Comment{Rng: hcl.Range{Filename: s.filename, Start: s.pos(start), End: s.pos(end)}, Text: string(s.src[start:end])}
	*list = append(*list, c)
	return c
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// scanToken reads the token at off, which is no whitespace, line break or comment.
func (s *scanner) scanToken() token {
	start := s.off
	tok := token{start: s.pos(start), lineStart: s.lineStart}
	s.lineStart = false
	tok.kind, tok.text = s.scanKind(tok.start)
	tok.end = s.pos(s.off)
	return tok
}

// oneOrTwo reads a one-character operator, or the two-character one when second follows.
func (s *scanner) oneOrTwo(one tokenKind, second byte, two tokenKind) tokenKind {
	if s.byteAt(s.off+1) == second {
		s.off += 2
		return two
	}
	s.off++
	return one
}

func (s *scanner) scanKind(start hcl.Pos) (tokenKind, string) {
	c := s.src[s.off]
	switch {
	case isLetter(c):
		begin := s.off
		for s.off < len(s.src) && (isLetter(s.src[s.off]) || isDigit(s.src[s.off])) {
			s.off++
		}
		word := string(s.src[begin:s.off])
		switch word {
		case "true":
			return tokTrue, word
		case "false":
			return tokFalse, word
		case "null":
			return tokNull, word
		}
		return tokIdent, word
	case isDigit(c):
		begin := s.off
		for s.off < len(s.src) && isDigit(s.src[s.off]) {
			s.off++
		}
		digits := string(s.src[begin:s.off])
		if _, err := strconv.ParseUint(digits, 10, 64); err != nil {
			s.errorf(start, s.pos(s.off), "integer literal too large")
		}
		return tokInt, digits
	}
	switch c {
	case '\'':
		if s.byteAt(s.off+1) == '\'' && s.byteAt(s.off+2) == '\'' {
			s.off += 3
			kind, text := s.multiLinePiece(true, 0, start)
			return s.openString(kind, text, hole{open: start, multiLine: true})
		}
		s.off++
		kind, text := s.quotedPiece(true, start)
		return s.openString(kind, text, hole{open: start})
	case '$':
		dollars := 0
		for s.byteAt(s.off+dollars) == '$' {
			dollars++
		}
		if bytes.HasPrefix(s.src[s.off+dollars:], []byte("'''")) {
			s.off += dollars + 3
			kind, text := s.multiLinePiece(true, dollars, start)
			return s.openString(kind, text, hole{open: start, multiLine: true, dollars: dollars})
		}
		return s.illegal()
	case '{':
		if n := len(s.holes); n > 0 {
			s.holes[n-1].braces++
		}
		s.off++
		return tokLBrace, ""
	case '}':
		n := len(s.holes)
		if n == 0 || s.holes[n-1].braces > 0 {
			if n > 0 {
				s.holes[n-1].braces--
			}
			s.off++
			return tokRBrace, ""
		}
		s.off++
		h := s.holes[n-1]
		var kind tokenKind
		var text string
		if h.multiLine {
			kind, text = s.multiLinePiece(false, h.dollars, start)
		} else {
			kind, text = s.quotedPiece(false, start)
		}
		if kind == tokStringRight {
			s.holes = s.holes[:n-1]
		}
		return kind, text
	case '[':
		s.off++
		return tokLBrack, ""
	case ']':
		s.off++
		return tokRBrack, ""
	case '(':
		s.off++
		return tokLParen, ""
	case ')':
		s.off++
		return tokRParen, ""
	case ',':
		s.off++
		return tokComma, ""
	case '@':
		s.off++
		return tokAt, ""
	case '^':
		s.off++
		return tokCaret, ""
	case '+':
		s.off++
		return tokPlus, ""
	case '-':
		s.off++
		return tokMinus, ""
	case '*':
		s.off++
		return tokStar, ""
	case '/':
		s.off++
		return tokSlash, ""
	case '%':
		s.off++
		return tokPercent, ""
	case '.':
		if s.byteAt(s.off+1) == '.' && s.byteAt(s.off+2) == '.' {
			s.off += 3
			return tokEllipsis, ""
		}
		s.off++
		return tokDot, ""
	case ':':
		return s.oneOrTwo(tokColon, ':', tokDoubleColon), ""
	case '?':
		return s.oneOrTwo(tokQuestion, '?', tokCoalesce), ""
	case '<':
		return s.oneOrTwo(tokLess, '=', tokLessEqual), ""
	case '>':
		return s.oneOrTwo(tokGreater, '=', tokGreaterEqual), ""
	case '|':
		return s.oneOrTwo(tokPipe, '|', tokOr), ""
	case '!':
		if s.byteAt(s.off+1) == '~' {
			s.off += 2
			return tokNotEqualFold, ""
		}
		return s.oneOrTwo(tokNot, '=', tokNotEqual), ""
	case '=':
		switch s.byteAt(s.off + 1) {
		case '~':
			s.off += 2
			return tokEqualFold, ""
		case '>':
			s.off += 2
			return tokArrow, ""
		}
		return s.oneOrTwo(tokAssign, '=', tokEqual), ""
	case '&':
		if s.byteAt(s.off+1) == '&' {
			s.off += 2
			return tokAnd, ""
		}
	}
	return s.illegal()
}

// illegal reads one character Bicep has no use for here.
func (s *scanner) illegal() (tokenKind, string) {
	start := s.off
	r, size := utf8.DecodeRune(s.src[s.off:])
	s.off += size
	text := string(s.src[start:s.off])
	detail := "invalid character " + strconv.Quote(text)
	switch {
	case r == utf8.RuneError && size == 1:
		detail = "invalid UTF-8 encoding"
	case r == '"':
		detail += "; Bicep strings are single-quoted"
	}
	s.errorf(s.pos(start), s.pos(s.off), detail)
	return tokIllegal, text
}

// openString records the hole that a string's first piece opens, if it opens one.
func (s *scanner) openString(kind tokenKind, text string, h hole) (tokenKind, string) {
	if kind == tokStringLeft {
		s.holes = append(s.holes, h)
	}
	return kind, text
}

// pieceKind returns the kind of a string piece from whether it opens the string and whether it ends it.
func pieceKind(first, last bool) tokenKind {
	switch {
	case first && last:
		return tokString
	case first:
		return tokStringLeft
	case last:
		return tokStringRight
	}
	return tokStringMiddle
}

// quotedPiece reads a piece of a single-quoted string, from just after its opening quote or the } that
// closes a hole, and returns its kind and value. start is where the piece starts.
func (s *scanner) quotedPiece(first bool, start hcl.Pos) (tokenKind, string) {
	var value []byte
	for {
		if s.off == len(s.src) || isNewline(s.src[s.off]) {
			s.errorf(start, s.pos(s.off), "string literal not terminated")
			return pieceKind(first, true), string(value)
		}
		switch c := s.src[s.off]; {
		case c == '\'':
			s.off++
			return pieceKind(first, true), string(value)
		case c == '$' && s.byteAt(s.off+1) == '{':
			s.off += 2
			return pieceKind(first, false), string(value)
		case c == '\\':
			value = s.escape(value)
		default:
			value = append(value, c)
			s.off++
		}
	}
}

// escape reads the escape sequence at off and appends its value to value.
func (s *scanner) escape(value []byte) []byte {
	start := s.off
	if s.off+1 == len(s.src) || isNewline(s.src[s.off+1]) {
		s.off++
		s.errorf(s.pos(start), s.pos(s.off), "escape sequence not terminated")
		return value
	}
	c := s.src[s.off+1]
	s.off += 2
	switch c {
	case 'n':
		return append(value, '\n')
	case 'r':
		return append(value, '\r')
	case 't':
		return append(value, '\t')
	case '\\', '\'', '$':
		return append(value, c)
	case 'u':
		return s.unicodeEscape(value, start)
	}
	if c >= utf8.RuneSelf {
		_, size := utf8.DecodeRune(s.src[s.off-1:])
		s.off += size - 1
	}
	s.errorf(s.pos(start), s.pos(s.off), "unknown escape sequence "+printable(s.src[start:s.off])+
		`; use \\, \', \n, \r, \t, \$ or \u{...}`)
	return append(value, s.src[start:s.off]...)
}

// printable returns text as it reads, or quoted when it holds a character that does not show.
func printable(text []byte) string {
	if s := string(text); utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) {
		return s
	}
	return strconv.Quote(string(text))
}

// unicodeEscape reads the rest of \u{XXXX}, whose backslash is at start.
func (s *scanner) unicodeEscape(value []byte, start int) []byte {
	valid := s.byteAt(s.off) == '{'
	var code rune
	if valid {
		s.off++
		digits := 0
		for ; s.off < len(s.src); s.off++ {
			d, ok := hexValue(s.src[s.off])
			if !ok {
				break
			}
			digits++
			if code <= utf8.MaxRune {
				code = code<<4 | d
			}
		}
		valid = digits > 0 && code <= utf8.MaxRune && s.byteAt(s.off) == '}'
		if s.byteAt(s.off) == '}' {
			s.off++
		}
	}
	if !valid {
		s.errorf(s.pos(start), s.pos(s.off), `invalid Unicode escape sequence; use \u{...} with a code point of at most 10FFFF`)
		return value
	}
	return utf8.AppendRune(value, code)
}

func hexValue(c byte) (rune, bool) {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0'), true
	case 'a' <= c && c <= 'f':
		return rune(c-'a') + 10, true
	case 'A' <= c && c <= 'F':
		return rune(c-'A') + 10, true
	}
	return 0, false
}

// multiLinePiece reads a piece of a multi-line string (one between runs of three quotes), from just after
// its opening quotes or the } that closes a hole. Its text is taken as written, but for a line break right
// after the opening quotes. A string whose quotes follow one or more $ has holes, each opened by as many
// $ followed by {.
func (s *scanner) multiLinePiece(first bool, dollars int, start hcl.Pos) (tokenKind, string) {
	if first {
		if s.byteAt(s.off) == '\r' {
			s.off++
		}
		if s.byteAt(s.off) == '\n' {
			s.off++
		}
	}
	begin := s.off
	for s.off < len(s.src) {
		switch s.src[s.off] {
		case '\'':
			quotes := s.run('\'')
			s.off += quotes
			// The string ends at the first run of three quotes or more; quotes before the last three
			// are text.
			if quotes >= 3 {
				return pieceKind(first, true), string(s.src[begin : s.off-3])
			}
		case '$':
			run := s.run('$')
			if dollars > 0 && run >= dollars && s.byteAt(s.off+run) == '{' {
				text := string(s.src[begin : s.off+run-dollars])
				s.off += run + 1
				return pieceKind(first, false), text
			}
			s.off += run
		default:
			s.off++
		}
	}
	s.errorf(start, s.pos(s.off), "multi-line string not terminated")
	return pieceKind(first, true), string(s.src[begin:])
}

// run counts the bytes c from off on.
func (s *scanner) run(c byte) int {
	n := 0
	for s.byteAt(s.off+n) == c {
		n++
	}
	return n
}
