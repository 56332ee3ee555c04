package report

import (
	"fmt"
	"io"
	"strings"
)

// Compact writes one line per finding and diagnostic, `path:line:col: word: message [AIGnnn]`, the line
// that editors and the GitHub Actions problem matcher turn into annotations.
func Compact(w io.Writer, r Report) error {
	return writeLines(w, r, compactLine)
}

// writeLines writes one line per finding and diagnostic, as line spells it.
func writeLines(w io.Writer, r Report, line func(entry) string) error {
	var b strings.Builder
	for _, e := range entries(r) {
		b.WriteString(line(e))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func compactLine(e entry) string {
	line := fmt.Sprintf("%s: %s: %s", location(e), e.word, e.message)
	if e.ruleID != "" {
		line += " [" + e.ruleID + "]"
	}
	return line
}

// location is where an entry points; a diagnostic about no file in particular names the tool instead, as
// compilers do.
func location(e entry) string {
	if !e.located {
		return "aigate"
	}
	return fmt.Sprintf("%s:%d:%d", e.file, e.rng.Start.Line, e.rng.Start.Column)
}
