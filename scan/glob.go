package scan

import (
	"fmt"
	"regexp"
	"strings"
)

// glob is an --exclude pattern, read the way .gitignore and most scanners read them: `**` spans folders,
// `*` and `?` stay within one, `[abc]` and `{a,b}` choose, and a pattern without a slash matches a name
// at any depth. A folder pattern such as `test/**` also matches the folder itself, so it is skipped whole.
type glob struct {
	pattern string
	re      *regexp.Regexp
}

func compileGlob(pattern string) (glob, error) {
	p := strings.TrimSuffix(strings.TrimPrefix(pattern, "./"), "/")
	if p == "" {
		return glob{}, fmt.Errorf("bad --exclude pattern %q: empty", pattern)
	}
	if !strings.Contains(p, "/") {
		p = "**/" + p
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case strings.HasPrefix(p[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case p[i:] == "/**":
			b.WriteString("(?:/.*)?")
			i += 2
		case strings.HasPrefix(p[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			end := strings.IndexByte(p[i:], ']')
			if end < 0 {
				return glob{}, fmt.Errorf("bad --exclude pattern %q: unclosed [", pattern)
			}
			class := p[i+1 : i+end]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + class + "]")
			i += end
		case c == '{':
			end := strings.IndexByte(p[i:], '}')
			if end < 0 {
				return glob{}, fmt.Errorf("bad --exclude pattern %q: unclosed {", pattern)
			}
			alternatives := strings.Split(p[i+1:i+end], ",")
			for j, a := range alternatives {
				alternatives[j] = regexp.QuoteMeta(a)
			}
			b.WriteString("(?:" + strings.Join(alternatives, "|") + ")")
			i += end
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return glob{}, fmt.Errorf("bad --exclude pattern %q: %w", pattern, err)
	}
	return glob{pattern: pattern, re: re}, nil
}

func (g glob) match(slashPath string) bool { return g.re.MatchString(slashPath) }
