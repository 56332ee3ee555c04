package arm

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// Kind is the kind of a JSON value.
type Kind uint8

// The kinds of JSON value.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// Node is one JSON value and where it stands in its file.
type Node struct {
	Kind    Kind
	Range   hcl.Range // the whole value: from its first character to just past its last
	Bool    bool      // for Bool
	Text    string    // for String: the decoded string; for Number: the literal as written (e.g. "1.5e3")
	Elems   []*Node   // for Array
	Members []Member  // for Object, in source order (duplicate names kept; Get returns the last, as ARM does)
}

// Member is one name/value pair of an object.
type Member struct {
	Name      string
	NameRange hcl.Range // the quoted name
	Value     *Node
}

// jsonMaxDepth is encoding/json's limit too, so nothing a standard reader accepts is refused; it also keeps
// the recursive descent far from Go's stack ceiling whatever the input.
const jsonMaxDepth = 10000

// ParseJSON reads src (the content of filename). It accepts what ARM accepts beyond strict JSON: // and /* */
// comments anywhere whitespace is allowed, and a trailing comma before ] or }. It never panics; on a syntax
// error it returns the diagnostics (hcl.DiagError, Summary terse, Detail a sentence, Subject the exact
// position of the bad token) and the partial tree read so far (nil when nothing could be read).
//
// In a partial tree every array and object left open ends where the error stands, and a member or element
// whose value could not be read at all is left out, so every Value and element is non-nil.
func ParseJSON(src []byte, filename string) (*Node, hcl.Diagnostics) {
	p := &jsonParser{src: src, filename: filename, line: 1}
	// Editors on Windows save templates with a BOM; it is no character, so line 1 starts after it.
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		p.off, p.lineStart, p.colOff = 3, 3, 3
	}
	if !p.skip() {
		return nil, p.diags
	}
	if p.off == len(src) {
		p.fail(p.off, p.off, "Empty file", "The file holds no JSON value, only whitespace or comments.")
		return nil, p.diags
	}
	n, ok := p.value()
	if ok && p.skip() && p.off < len(src) {
		p.unexpected("the end of the file after the value")
	}
	return n, p.diags
}

// Get returns the member called name, matched without case as ARM does (an exact match wins), or nil.
// It is safe on a nil receiver and on non-objects.
func (n *Node) Get(name string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	var folded *Node
	for i := len(n.Members) - 1; i >= 0; i-- {
		m := &n.Members[i]
		if m.Name == name {
			return m.Value
		}
		if folded == nil && strings.EqualFold(m.Name, name) {
			folded = m.Value
		}
	}
	return folded
}

// Path walks dotted member names ("properties.networkAcls.defaultAction"), nil when a step is missing.
func (n *Node) Path(path string) *Node {
	for {
		name, rest, more := strings.Cut(path, ".")
		n = n.Get(name)
		if !more || n == nil {
			return n
		}
		path = rest
	}
}

type jsonParser struct {
	src       []byte
	filename  string
	off       int // the next byte to read
	line      int // the line off is on
	lineStart int // where that line starts
	// colOff and col are a known column on the current line: positions are asked for in file order, so
	// counting on from the last one keeps a minified template, all on one line, linear to read.
	colOff, col int
	depth       int
	buf         []byte  // reused to decode strings that hold escapes
	stop        hcl.Pos // where an error stopped reading, which is where every value left open ends
	diags       hcl.Diagnostics
}

// pos returns the position of the byte at off, which must be on the current line.
func (p *jsonParser) pos(off int) hcl.Pos {
	if off < p.colOff {
		p.colOff, p.col = p.lineStart, 0
	}
	p.col += utf8.RuneCount(p.src[p.colOff:off])
	p.colOff = off
	return hcl.Pos{Line: p.line, Column: p.col + 1, Byte: off}
}

func (p *jsonParser) rng(start, end int) hcl.Range {
	return hcl.Range{Filename: p.filename, Start: p.pos(start), End: p.pos(end)}
}

// newline records that a line starts at off.
func (p *jsonParser) newline(off int) {
	p.line++
	p.lineStart, p.colOff, p.col = off, off, 0
}

func (p *jsonParser) fail(start, end int, summary, detail string) {
	subject := p.rng(start, end)
	p.stop = subject.Start
	p.diags = append(p.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: &subject})
}

// unexpected reports the token where reading stands, in place of want.
func (p *jsonParser) unexpected(want string) {
	if p.off == len(p.src) {
		p.fail(p.off, p.off, "Unexpected end of file", fmt.Sprintf("Expected %s, found the end of the file.", want))
		return
	}
	end := p.tokenEnd(p.off)
	p.fail(p.off, end, "Unexpected token", fmt.Sprintf("Expected %s, found %s.", want, p.describe(p.off, end)))
}

// unclosed reports the end of the file inside n, pointing back at where n opened.
func (p *jsonParser) unclosed(n *Node) {
	what := "object"
	if n.Kind == Array {
		what = "array"
	}
	p.fail(p.off, p.off, "Unexpected end of file", fmt.Sprintf("The %s opened at line %d, column %d is not closed.",
		what, n.Range.Start.Line, n.Range.Start.Column))
}

// tokenEnd returns where the token at off ends, so that an error underlines all of a misplaced word or
// string rather than its first character.
func (p *jsonParser) tokenEnd(off int) int {
	src := p.src
	switch c := src[off]; {
	case c == '"':
		for i := off + 1; i < len(src); i++ {
			switch src[i] {
			case '"':
				return i + 1
			case '\\':
				if i+1 < len(src) && src[i+1] != '\n' {
					i++
				}
			case '\n':
				return i
			}
		}
		return len(src)
	case jsonWordByte(c):
		return p.wordEnd(off)
	default:
		_, size := utf8.DecodeRune(src[off:])
		return off + size
	}
}

func (p *jsonParser) describe(start, end int) string {
	if p.src[start] == '"' {
		return "a string"
	}
	return fmt.Sprintf("%q", p.src[start:end])
}

func (p *jsonParser) wordEnd(off int) int {
	for off < len(p.src) && jsonWordByte(p.src[off]) {
		off++
	}
	return off
}

// jsonWordByte tells the bytes of numbers and bare words, read as one token so that "01", "1.2.3" or "True"
// are reported whole.
func jsonWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '+' || c == '-'
}

// skip passes whitespace and comments; it returns false after reporting an unterminated comment.
func (p *jsonParser) skip() bool {
	src := p.src
	for p.off < len(src) {
		switch src[p.off] {
		case ' ', '\t', '\r':
			p.off++
		case '\n':
			p.off++
			p.newline(p.off)
		case '/':
			if p.off+1 == len(src) {
				return true
			}
			switch src[p.off+1] {
			case '/':
				if end := bytes.IndexByte(src[p.off:], '\n'); end >= 0 {
					p.off += end
				} else {
					p.off = len(src)
				}
			case '*':
				end := bytes.Index(src[p.off+2:], []byte("*/"))
				if end < 0 {
					p.fail(p.off, p.off+2, "Unterminated comment", `The comment has no closing "*/".`)
					return false
				}
				end += p.off + 4
				for i := p.off; i < end; i++ {
					if src[i] == '\n' {
						p.newline(i + 1)
					}
				}
				p.off = end
			default:
				return true
			}
		default:
			return true
		}
	}
	return true
}

// value reads the value where reading stands, past any whitespace. On an error it returns what it could read of
// an array or object, and nil for anything else.
func (p *jsonParser) value() (*Node, bool) {
	if p.off == len(p.src) {
		p.unexpected("a value")
		return nil, false
	}
	switch c := p.src[p.off]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		start := p.off
		text, ok := p.str()
		if !ok {
			return nil, false
		}
		return &Node{Kind: String, Range: p.rng(start, p.off), Text: text}, true
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	start, end := p.off, p.wordEnd(p.off)
	n := &Node{}
	switch string(p.src[start:end]) {
	case "null":
		n.Kind = Null
	case "true":
		n.Kind, n.Bool = Bool, true
	case "false":
		n.Kind = Bool
	default:
		p.unexpected("a value")
		return nil, false
	}
	p.off = end
	n.Range = p.rng(start, end)
	return n, true
}

func (p *jsonParser) number() (*Node, bool) {
	start, end := p.off, p.wordEnd(p.off)
	lit := p.src[start:end]
	if !jsonNumber(lit) {
		p.fail(start, end, "Invalid number", fmt.Sprintf("%q is not a JSON number.", lit))
		return nil, false
	}
	p.off = end
	return &Node{Kind: Number, Range: p.rng(start, end), Text: string(lit)}, true
}

// jsonNumber tells whether b is a number by JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func jsonNumber(b []byte) bool {
	digits := func(i int) int {
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i
	}
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i == len(b):
		return false
	case b[i] == '0':
		i++
	case b[i] >= '1' && b[i] <= '9':
		i = digits(i)
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(b)
}

// enter counts one more level of nesting for the array or object at off, refusing one level too many.
func (p *jsonParser) enter() bool {
	if p.depth == jsonMaxDepth {
		p.fail(p.off, p.off+1, "Nesting too deep",
			fmt.Sprintf("Arrays and objects are nested more than %d deep here, deeper than JSON readers follow.", jsonMaxDepth))
		return false
	}
	p.depth++
	return true
}

// close finishes n at the bracket at off.
func (p *jsonParser) close(n *Node) (*Node, bool) {
	p.off++
	n.Range.End = p.pos(p.off)
	p.depth--
	return n, true
}

// partial finishes n where an error stopped reading.
func (p *jsonParser) partial(n *Node) (*Node, bool) {
	n.Range.End = p.stop
	p.depth--
	return n, false
}

func (p *jsonParser) at(c byte) bool {
	return p.off < len(p.src) && p.src[p.off] == c
}

func (p *jsonParser) object() (*Node, bool) {
	if !p.enter() {
		return nil, false
	}
	n := &Node{Kind: Object, Range: hcl.Range{Filename: p.filename, Start: p.pos(p.off)}}
	p.off++
	if !p.skip() {
		return p.partial(n)
	}
	if p.at('}') {
		return p.close(n)
	}
	for {
		switch {
		case p.off == len(p.src):
			p.unclosed(n)
			return p.partial(n)
		case !p.at('"'):
			p.unexpected("a property name in double quotes")
			return p.partial(n)
		}
		nameStart := p.off
		name, ok := p.str()
		if !ok {
			return p.partial(n)
		}
		nameRange := p.rng(nameStart, p.off)
		if !p.skip() {
			return p.partial(n)
		}
		switch {
		case p.off == len(p.src):
			p.unclosed(n)
			return p.partial(n)
		case !p.at(':'):
			end := p.tokenEnd(p.off)
			p.fail(p.off, end, "Missing colon", fmt.Sprintf("Expected \":\" after the property name %q, found %s.", name, p.describe(p.off, end)))
			return p.partial(n)
		}
		p.off++
		if !p.skip() {
			return p.partial(n)
		}
		v, ok := p.value()
		if v != nil {
			n.Members = append(n.Members, Member{Name: name, NameRange: nameRange, Value: v})
		}
		if !ok {
			return p.partial(n)
		}
		if more, done, ok := p.next(n, '}', `"," or "}" after the value of `+fmt.Sprintf("%q", name)); !more {
			return done, ok
		}
	}
}

func (p *jsonParser) array() (*Node, bool) {
	if !p.enter() {
		return nil, false
	}
	n := &Node{Kind: Array, Range: hcl.Range{Filename: p.filename, Start: p.pos(p.off)}}
	p.off++
	if !p.skip() {
		return p.partial(n)
	}
	if p.at(']') {
		return p.close(n)
	}
	for {
		if p.off == len(p.src) {
			p.unclosed(n)
			return p.partial(n)
		}
		v, ok := p.value()
		if v != nil {
			n.Elems = append(n.Elems, v)
		}
		if !ok {
			return p.partial(n)
		}
		if more, done, ok := p.next(n, ']', `"," or "]" after an array element`); !more {
			return done, ok
		}
	}
}

// next reads what follows a member or element of n: a comma, then another one or (as ARM allows) the
// closing bracket; or the closing bracket. more reports whether another member or element follows;
// when not, done and ok are what the caller returns.
func (p *jsonParser) next(n *Node, closing byte, expected string) (more bool, done *Node, ok bool) {
	if !p.skip() {
		done, ok = p.partial(n)
		return false, done, ok
	}
	switch {
	case p.at(','):
		p.off++
		if !p.skip() {
			done, ok = p.partial(n)
			return false, done, ok
		}
		if p.at(closing) {
			done, ok = p.close(n)
			return false, done, ok
		}
		return true, nil, false
	case p.at(closing):
		done, ok = p.close(n)
		return false, done, ok
	case p.off == len(p.src):
		p.unclosed(n)
	default:
		p.unexpected(expected)
	}
	done, ok = p.partial(n)
	return false, done, ok
}

// str decodes the string whose opening quote is at off and moves off past its closing quote.
func (p *jsonParser) str() (string, bool) {
	src := p.src
	start := p.off
	i := start + 1
	// Most strings in a template are plain ASCII without escapes: slice those out as they stand.
	for i < len(src) {
		c := src[i]
		if c == '"' {
			p.off = i + 1
			return string(src[start+1 : i]), true
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	buf := p.buf[:0]
	buf = append(buf, src[start+1:i]...)
	for {
		if i == len(src) {
			p.fail(start, i, "Unterminated string", "The string has no closing quote before the end of the file.")
			return "", false
		}
		switch c := src[i]; {
		case c == '"':
			p.off, p.buf = i+1, buf
			return string(buf), true
		case c == '\\':
			var ok bool
			if buf, i, ok = p.escape(buf, start, i); !ok {
				return "", false
			}
		case c == '\n' || c == '\r':
			p.fail(start, i, "Unterminated string", "The string has no closing quote before the end of the line.")
			return "", false
		case c < 0x20:
			p.fail(i, i+1, "Invalid character in string",
				fmt.Sprintf("Control character U+%04X must be written as an escape such as \\u%04X.", c, c))
			return "", false
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			i++
		default:
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				p.fail(i, i+1, "Invalid UTF-8", fmt.Sprintf("Byte 0x%02X does not start a UTF-8 character; the file must be saved as UTF-8.", c))
				return "", false
			}
			buf = append(buf, src[i:i+size]...)
			i += size
		}
	}
}

// escape decodes the escape whose backslash is at i, in the string opened at start, onto buf and returns
// where the escape ends.
func (p *jsonParser) escape(buf []byte, start, i int) ([]byte, int, bool) {
	src := p.src
	if i+1 == len(src) {
		p.fail(start, i+1, "Unterminated string", "The string has no closing quote before the end of the file.")
		return buf, i, false
	}
	switch c := src[i+1]; c {
	case '"', '\\', '/':
		return append(buf, c), i + 2, true
	case 'b':
		return append(buf, '\b'), i + 2, true
	case 'f':
		return append(buf, '\f'), i + 2, true
	case 'n':
		return append(buf, '\n'), i + 2, true
	case 'r':
		return append(buf, '\r'), i + 2, true
	case 't':
		return append(buf, '\t'), i + 2, true
	case 'u':
		r, ok := p.hex4(start, i)
		if !ok {
			return buf, i, false
		}
		i += 6
		if utf16.IsSurrogate(r) {
			// A high surrogate and an escaped low one make one character beyond the BMP; a half alone has
			// no UTF-8 form and becomes U+FFFD, as encoding/json does.
			low := rune(-1)
			if r < 0xDC00 && i+1 < len(src) && src[i] == '\\' && src[i+1] == 'u' {
				if low, ok = p.hex4(start, i); !ok {
					return buf, i, false
				}
			}
			if r = utf16.DecodeRune(r, low); r != utf8.RuneError {
				i += 6
			}
		}
		return utf8.AppendRune(buf, r), i, true
	}
	p.fail(i, p.escapeEnd(i+1), "Invalid escape",
		`A backslash in a string must be followed by one of " \ / b f n r t or u and four hexadecimal digits.`)
	return buf, i, false
}

// hex4 reads the four hexadecimal digits of the \u escape at i.
func (p *jsonParser) hex4(start, i int) (rune, bool) {
	var r rune
	for j := i + 2; j < i+6; j++ {
		if j == len(p.src) {
			p.fail(start, j, "Unterminated string", "The string has no closing quote before the end of the file.")
			return 0, false
		}
		c := p.src[j]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			p.fail(i, p.escapeEnd(j), "Invalid escape", `"\u" must be followed by four hexadecimal digits.`)
			return 0, false
		}
	}
	return r, true
}

// escapeEnd returns the end of a bad escape whose offending character is at off: past that character,
// unless it is a control character such as the line end, which cannot be underlined.
func (p *jsonParser) escapeEnd(off int) int {
	if p.src[off] < 0x20 {
		return off
	}
	_, size := utf8.DecodeRune(p.src[off:])
	return off + size
}
