package config

import (
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// lineIndex turns byte offsets and line/column pairs of a source into hcl positions. Columns count
// characters, as the front ends' do.
type lineIndex struct {
	src    []byte
	starts []int // where each line starts
}

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src: src, starts: starts}
}

// pos returns the position of a byte offset.
func (x lineIndex) pos(off int) hcl.Pos {
	line := x.line(off)
	return hcl.Pos{Line: line, Column: utf8.RuneCount(x.src[x.starts[line-1]:off]) + 1, Byte: off}
}

// line returns the 1-based line a byte offset is on.
func (x lineIndex) line(off int) int {
	return sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off })
}

// posOfColumn returns the position of a 1-based line and character column.
func (x lineIndex) posOfColumn(line, column int) hcl.Pos {
	if line < 1 || line > len(x.starts) {
		return hcl.Pos{Line: line, Column: column}
	}
	off := x.starts[line-1]
	for c := 1; c < column && off < len(x.src) && x.src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(x.src[off:])
		off += size
	}
	return hcl.Pos{Line: line, Column: column, Byte: off}
}

// text returns a line's content without its line break.
func (x lineIndex) text(line int) []byte {
	end := len(x.src)
	if line < len(x.starts) {
		end = x.starts[line] - 1
	}
	b := x.src[x.starts[line-1]:end]
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}

// lines counts the lines.
func (x lineIndex) lines() int { return len(x.starts) }
