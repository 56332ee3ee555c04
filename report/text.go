package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
)

// SGR codes per label; bold red marks what must not wait.
var labelStyles = map[string]string{
	"CRITICAL": "1;31",
	"HIGH":     "31",
	"MEDIUM":   "33",
	"LOW":      "36",
	"ERROR":    "1;31",
	"WARNING":  "33",
}

const (
	boldStyle = "1"
	dimStyle  = "2"
	// tabWidth is how wide a quoted source line shows a tab; tabs are expanded so the underline lines up
	// whatever the terminal's tab stops.
	tabWidth = 4
)

// Text writes findings and diagnostics for people: grouped by file, each with the source line it points at
// and an underline beneath the range, then a one-line summary. color adds ANSI colours; the caller decides
// whether the destination is a terminal that wants them.
func Text(w io.Writer, r Report, color bool) error {
	p := painter(color)
	lines := sourceLines{sources: r.Sources, split: map[string][]string{}}
	var b strings.Builder
	group := ""
	for _, e := range entries(r) {
		style := labelStyles[e.label]
		if !e.located {
			fmt.Fprintf(&b, "aigate: %s: %s\n", p.paint(style, e.word), e.message)
			continue
		}
		if e.file != group {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(p.paint(boldStyle, e.file) + "\n")
			group = e.file
		}
		fmt.Fprintf(&b, "  %d:%d  %s  ", e.rng.Start.Line, e.rng.Start.Column, p.paint(style, e.label))
		if tag := strings.TrimSpace(e.ruleID + " " + e.ruleName); tag != "" {
			b.WriteString(tag + "  ")
		}
		b.WriteString(e.message + "\n")
		if e.resource != "" {
			b.WriteString(p.paint(dimStyle, "    in "+e.resource) + "\n")
		}
		if src, ok := lines.line(e.rng.Filename, e.rng.Start.Line); ok {
			quote(&b, p, style, src, e.rng)
		}
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(p.paint(boldStyle, summary(r)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// quote writes the source line of rng and an underline from its start to its end, or to the end of the
// line when the range goes on: one line is enough to recognise the spot.
func quote(b *strings.Builder, p painter, style, src string, rng hcl.Range) {
	number := strconv.Itoa(rng.Start.Line)
	gutter := strings.Repeat(" ", len(number))
	runes := []rune(src)
	start := min(max(rng.Start.Column-1, 0), len(runes))
	end := len(runes)
	if rng.End.Line == rng.Start.Line {
		end = min(max(rng.End.Column-1, start), len(runes))
	}
	width := max(displayWidth(runes[start:end]), 1)
	underline := strings.Repeat(" ", displayWidth(runes[:start])) + "^" + strings.Repeat("~", width-1)
	fmt.Fprintf(b, "    %s | %s\n", number, expandTabs(src))
	fmt.Fprintf(b, "    %s | %s\n", gutter, p.paint(style, underline))
}

func displayWidth(runes []rune) int {
	width := 0
	for _, r := range runes {
		if r == '\t' {
			width += tabWidth
		} else {
			width++
		}
	}
	return width
}

func expandTabs(s string) string {
	return strings.ReplaceAll(s, "\t", strings.Repeat(" ", tabWidth))
}

// sourceLines splits each file at most once, however many entries quote it.
type sourceLines struct {
	sources map[string][]byte
	split   map[string][]string
}

func (s sourceLines) line(file string, n int) (string, bool) {
	lines, ok := s.split[file]
	if !ok {
		src, found := s.sources[file]
		if !found {
			return "", false
		}
		lines = strings.Split(string(src), "\n")
		s.split[file] = lines
	}
	if n < 1 || n > len(lines) {
		return "", false
	}
	return strings.TrimRight(lines[n-1], "\r"), true
}

// summary is the last line: `3 high, 1 medium, 2 unknown in 12 files (41 resources); 1 error — 0.08s`.
func summary(r Report) string {
	counts := map[model.Severity]int{}
	uncertain := 0
	for _, f := range r.Findings {
		switch {
		case !r.shows(f):
		case f.Confidence == model.Uncertain:
			uncertain++
		default:
			counts[f.Severity]++
		}
	}
	var parts []string
	for _, s := range []model.Severity{model.Critical, model.High, model.Medium, model.Low} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	if uncertain > 0 {
		parts = append(parts, fmt.Sprintf("%d unknown", uncertain))
	}
	found := "no findings"
	if len(parts) > 0 {
		found = strings.Join(parts, ", ")
	}
	line := fmt.Sprintf("%s in %s (%s)", found, plural(r.Files, "file"), plural(r.Resources, "resource"))
	if problems := diagnosticCounts(r.Diagnostics); problems != "" {
		line += "; " + problems
	}
	return fmt.Sprintf("%s — %.2fs", line, r.Elapsed.Seconds())
}

func diagnosticCounts(diags hcl.Diagnostics) string {
	errors, warnings := 0, 0
	for _, d := range diags {
		if d.Severity == hcl.DiagWarning {
			warnings++
		} else {
			errors++
		}
	}
	var parts []string
	if errors > 0 {
		parts = append(parts, plural(errors, "error"))
	}
	if warnings > 0 {
		parts = append(parts, plural(warnings, "warning"))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// painter wraps text in ANSI colours, or leaves it alone.
type painter bool

func (p painter) paint(style, s string) string {
	if !p || style == "" {
		return s
	}
	return "\x1b[" + style + "m" + s + "\x1b[0m"
}
