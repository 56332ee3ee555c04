package config

import (
	"errors"
	"regexp"
	"strings"
)

// Glob is a path pattern, of --exclude and of the config file, read the way .gitignore and most scanners
// read them: `**` spans folders, `*` and `?` stay within one, `[abc]` and `{a,b}` choose, and a pattern
// without a slash matches a name at any depth. A folder pattern such as `test/**` also matches the folder
// itself, so that a scan skips it whole.
type Glob struct{ re *regexp.Regexp }

// CompileGlob reads a pattern; the error says what is wrong with it.
func CompileGlob(pattern string) (Glob, error) {
	p := strings.TrimSuffix(strings.TrimPrefix(pattern, "./"), "/")
	if p == "" {
		return Glob{}, errors.New("the pattern is empty")
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
				return Glob{}, errors.New("a [ is not closed")
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
				return Glob{}, errors.New("a { is not closed")
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
		return Glob{}, err
	}
	return Glob{re: re}, nil
}

// Match reports whether a forward-slash path matches.
func (g Glob) Match(slashPath string) bool { return g.re.MatchString(slashPath) }

// compileAddressPattern reads a resource address in which `*` stands for any run of characters, dots and
// slashes included, and nothing else is special: addresses hold brackets and quotes
// (module.ai.azurerm_cognitive_account.oai["east"]) that a path glob would misread. ARM types and names
// are case-insensitive, so the match is too.
func compileAddressPattern(pattern string) *regexp.Regexp {
	parts := strings.Split(pattern, "*")
	for i, part := range parts {
		parts[i] = regexp.QuoteMeta(part)
	}
	return regexp.MustCompile("(?i)^" + strings.Join(parts, ".*") + "$")
}
