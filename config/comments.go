package config

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// comment is where a comment stands in its source.
type comment struct {
	from, to      int // the whole comment, delimiters included, without the line break that ends it
	text, textEnd int // its text, without delimiters
	// ownLine is set when nothing but white space shares the comment's lines.
	ownLine bool
}

// hclComments returns the comments of a Terraform file, read by HCL's own lexer so that strings,
// templates and heredocs are never mistaken for comments.
func hclComments(filename string, src []byte) []comment {
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	var out []comment
	for _, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment {
			continue
		}
		c := comment{from: tok.Range.Start.Byte, to: tok.Range.End.Byte}
		for c.to > c.from && (src[c.to-1] == '\n' || src[c.to-1] == '\r') {
			c.to--
		}
		c.text, c.textEnd = c.from+1, c.to
		switch {
		case bytes.HasPrefix(tok.Bytes, []byte("//")):
			c.text++
		case bytes.HasPrefix(tok.Bytes, []byte("/*")):
			c.text++
			c.textEnd = max(c.text, c.to-2)
		}
		out = append(out, c)
	}
	return out
}

// cStyleComments returns the // and /* */ comments of a source whose strings open with quote and end
// where stringEnd says.
func cStyleComments(src []byte, quote byte, stringEnd func(src []byte, open int) int) []comment {
	var out []comment
	for i := 0; i < len(src); {
		switch {
		case src[i] == quote:
			i = stringEnd(src, i)
		case bytes.HasPrefix(src[i:], []byte("//")):
			end := len(src)
			if nl := bytes.IndexByte(src[i:], '\n'); nl >= 0 {
				end = i + nl
			}
			c := comment{from: i, to: end, text: i + 2, textEnd: end}
			if c.to > c.text && src[c.to-1] == '\r' {
				c.to--
				c.textEnd--
			}
			out = append(out, c)
			i = end
		case bytes.HasPrefix(src[i:], []byte("/*")):
			c := comment{from: i, to: len(src), text: i + 2, textEnd: len(src)}
			if end := bytes.Index(src[i+2:], []byte("*/")); end >= 0 {
				c.textEnd = i + 2 + end
				c.to = c.textEnd + 2
			}
			out = append(out, c)
			i = c.to
		default:
			i++
		}
	}
	return out
}

// jsonStringEnd returns the offset just past the JSON string that opens at open; an unterminated one ends
// with its line, as the ARM reader reports it.
func jsonStringEnd(src []byte, open int) int {
	for i := open + 1; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		case '\n':
			return i
		}
	}
	return len(src)
}

// bicepStringEnd returns the offset just past the Bicep string that opens at open: a multi-line string
// between triple quotes, or a 'string' whose ${interpolations} may hold strings of their own.
func bicepStringEnd(src []byte, open int) int {
	if bytes.HasPrefix(src[open:], []byte("'''")) {
		if end := bytes.Index(src[open+3:], []byte("'''")); end >= 0 {
			return open + 3 + end + 3
		}
		return len(src)
	}
	for i := open + 1; i < len(src); i++ {
		switch {
		case src[i] == '\\':
			i++
		case src[i] == '\'':
			return i + 1
		case src[i] == '\n':
			return i
		case src[i] == '$' && i+1 < len(src) && src[i+1] == '{':
			i = bicepInterpolationEnd(src, i+2) - 1
		}
	}
	return len(src)
}

// bicepInterpolationEnd returns the offset just past the } that closes an interpolation whose expression
// starts at from.
func bicepInterpolationEnd(src []byte, from int) int {
	depth := 1
	for i := from; i < len(src); i++ {
		switch src[i] {
		case '\'':
			i = bicepStringEnd(src, i) - 1
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(src)
}

// markOwnLine sets ownLine on the comments that have their lines to themselves, and returns those lines.
func markOwnLine(lines lineIndex, comments []comment) map[int]bool {
	own := map[int]bool{}
	for i := range comments {
		c := &comments[i]
		first, last := lines.line(c.from), lines.line(c.to)
		before := lines.src[lines.starts[first-1]:c.from]
		after := lines.text(last)[c.to-lines.starts[last-1]:]
		if len(bytes.TrimSpace(before)) > 0 || len(bytes.TrimSpace(after)) > 0 {
			continue
		}
		c.ownLine = true
		for l := first; l <= last; l++ {
			own[l] = true
		}
	}
	return own
}
