package config

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
	"gopkg.in/yaml.v3"
)

// Load reads a .aigate.yml. Every problem is an hcl.DiagError whose Subject is the offending key or value,
// and the Config holds what could be read. A key the file format does not have is an error rather than
// something passed over: a misspelt `ignores:` would otherwise silently ignore nothing.
func Load(path string) (Config, hcl.Diagnostics) {
	src, err := os.ReadFile(path)
	if err != nil {
		return Config{}, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read the config file",
			Detail: fmt.Sprintf("%v.", err)}}
	}
	return parse(path, src)
}

func parse(path string, src []byte) (Config, hcl.Diagnostics) {
	l := &loader{path: path, lines: newLineIndex(src)}
	cfg := Config{Path: path}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		l.syntaxError(err)
		return cfg, l.diags
	}
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file, or only comments
	}
	root := resolve(doc.Content[0])
	if isNull(root) {
		return cfg, nil
	}
	l.fields(root, "the config file", []field{
		{"severity", func(v *yaml.Node) { cfg.Severity = l.severity(v) }},
		{"unknown", func(v *yaml.Node) { cfg.Unknown = l.unknownPolicy(v) }},
		{"exclude_paths", func(v *yaml.Node) { cfg.ExcludePaths = l.globs(v) }},
		{"rules", func(v *yaml.Node) { cfg.Rules = l.rules(v) }},
		{"ignore", func(v *yaml.Node) { cfg.Ignores = l.ignores(v) }},
		{"approved_models", func(v *yaml.Node) { cfg.ApprovedModels = l.approvedModels(v) }},
		{"custom_rules", func(v *yaml.Node) {
			for _, n := range l.strings(v) {
				cfg.CustomRules = append(cfg.CustomRules, n.Value)
			}
		}},
	})
	return cfg, l.diags
}

type loader struct {
	path  string
	lines lineIndex
	diags hcl.Diagnostics
}

// field is a key a mapping may hold and what reads its value.
type field struct {
	key  string
	read func(value *yaml.Node)
}

func (l *loader) errorf(n *yaml.Node, summary, format string, args ...any) {
	rng := l.rangeOf(n)
	l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary,
		Detail: fmt.Sprintf(format, args...), Subject: &rng})
}

// yamlErrorLine finds the line in yaml.v3's error messages, which have no other structure.
var yamlErrorLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (l *loader) syntaxError(err error) {
	line, message := 1, strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlErrorLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		message = m[2]
	}
	start := l.lines.posOfColumn(line, 1)
	l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid YAML",
		Detail: "The config file is not valid YAML: " + message + ".", Subject: &hcl.Range{Filename: l.path, Start: start, End: start}})
}

// fields reads a mapping whose keys must be among the given fields, each at most once.
func (l *loader) fields(n *yaml.Node, where string, known []field) {
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "Mapping expected", "%s must be a mapping of keys to values.", capitalize(where))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], resolve(n.Content[i+1])
		at := slices.IndexFunc(known, func(f field) bool { return f.key == key.Value })
		switch {
		case at < 0:
			names := make([]string, len(known))
			for j, f := range known {
				names[j] = f.key
			}
			l.errorf(key, "Unknown key", "%s has no key %q; the keys are %s.", capitalize(where), key.Value, strings.Join(names, ", "))
		case seen[key.Value]:
			l.errorf(key, "Duplicate key", "%s sets %q twice.", capitalize(where), key.Value)
		default:
			seen[key.Value] = true
			known[at].read(value)
		}
	}
}

// scalar returns a scalar's text; anything else is an error.
func (l *loader) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		l.errorf(n, "Value expected", "%s must be a single value.", capitalize(what))
		return "", false
	}
	return n.Value, true
}

// sequence returns a list's items; null is the empty list.
func (l *loader) sequence(n *yaml.Node, what string) []*yaml.Node {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "List expected", "%s must be a list.", capitalize(what))
		return nil
	}
	items := make([]*yaml.Node, len(n.Content))
	for i, item := range n.Content {
		items[i] = resolve(item)
	}
	return items
}

// strings returns the items of a list of strings.
func (l *loader) strings(n *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	for _, item := range l.sequence(n, "the list") {
		if _, ok := l.scalar(item, "each item of the list"); ok {
			out = append(out, item)
		}
	}
	return out
}

func (l *loader) severity(n *yaml.Node) model.Severity {
	s, ok := l.scalar(n, "severity")
	if !ok {
		return 0
	}
	sev, err := model.ParseSeverity(s)
	if err != nil {
		l.errorf(n, "Invalid severity", "Unknown severity %q: want low, medium, high or critical.", s)
	}
	return sev
}

func (l *loader) unknownPolicy(n *yaml.Node) string {
	s, ok := l.scalar(n, "unknown")
	if !ok {
		return ""
	}
	s = strings.ToLower(s)
	if s != "ignore" && s != "warn" && s != "fail" {
		l.errorf(n, "Invalid unknown policy", "Unknown policy %q: want ignore, warn or fail.", n.Value)
		return ""
	}
	return s
}

func (l *loader) globs(n *yaml.Node) []string {
	var out []string
	for _, item := range l.strings(n) {
		if _, err := CompileGlob(item.Value); err != nil {
			l.errorf(item, "Invalid pattern", "The pattern %q cannot be read: %v.", item.Value, err)
			continue
		}
		out = append(out, item.Value)
	}
	return out
}

func (l *loader) ruleID(n *yaml.Node) (string, bool) {
	s, ok := l.scalar(n, "a rule ID")
	if !ok {
		return "", false
	}
	id := strings.ToUpper(s)
	switch {
	case id == "*":
		l.errorf(n, "Rule expected", "Name the rule: a wildcard would hide every present and future finding.")
		return "", false
	case !ruleIDPattern.MatchString(id):
		l.errorf(n, "Invalid rule ID", "%q is not a rule ID: they are written AIG and three digits, such as AIG201.", s)
		return "", false
	}
	return id, true
}

func (l *loader) rules(n *yaml.Node) map[string]RuleSettings {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "Mapping expected", "rules must map rule IDs to their settings, such as AIG101: {severity: critical}.")
		return nil
	}
	out := map[string]RuleSettings{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], resolve(n.Content[i+1])
		id, ok := l.ruleID(key)
		if !ok {
			continue
		}
		if _, dup := out[id]; dup {
			l.errorf(key, "Duplicate key", "rules sets %s twice.", id)
			continue
		}
		settings := RuleSettings{Range: l.rangeOf(key)}
		l.fields(value, "the settings of "+id, []field{
			{"enabled", func(v *yaml.Node) {
				var enabled bool
				if v.ShortTag() != "!!bool" || v.Decode(&enabled) != nil {
					l.errorf(v, "Invalid value", "enabled must be true or false.")
					return
				}
				settings.Disabled = !enabled
			}},
			{"severity", func(v *yaml.Node) { settings.Severity = l.severity(v) }},
		})
		out[id] = settings
	}
	return out
}

func (l *loader) ignores(n *yaml.Node) []Ignore {
	var out []Ignore
	for _, item := range l.sequence(n, "ignore") {
		ig := Ignore{Range: l.rangeOf(item), base: filepath.Dir(l.path)}
		hasRule := false
		l.fields(item, "an ignore entry", []field{
			{"rule", func(v *yaml.Node) { ig.Rule, hasRule = l.ruleID(v) }},
			{"path", func(v *yaml.Node) {
				if s, ok := l.scalar(v, "path"); ok {
					g, err := CompileGlob(s)
					if err != nil {
						l.errorf(v, "Invalid pattern", "The pattern %q cannot be read: %v.", s, err)
						return
					}
					ig.Path, ig.path = s, g
				}
			}},
			{"resource", func(v *yaml.Node) {
				if s, ok := l.scalar(v, "resource"); ok {
					ig.Resource, ig.resource = s, compileAddressPattern(s)
				}
			}},
			{"reason", func(v *yaml.Node) { ig.Reason, _ = l.scalar(v, "reason") }},
			{"expires", func(v *yaml.Node) { ig.Expires = l.date(v) }},
		})
		if item.Kind != yaml.MappingNode {
			continue
		}
		if !hasRule {
			if !slices.ContainsFunc(item.Content, func(k *yaml.Node) bool { return k.Value == "rule" }) {
				l.errorf(item, "Rule expected", "An ignore entry must name its rule, such as rule: AIG201.")
			}
			continue
		}
		out = append(out, ig)
	}
	return out
}

func (l *loader) date(n *yaml.Node) time.Time {
	s, ok := l.scalar(n, "expires")
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		l.errorf(n, "Invalid date", "expires must be a date written YYYY-MM-DD, such as 2026-12-31; %q is not.", s)
	}
	return t
}

func (l *loader) approvedModels(n *yaml.Node) []ApprovedModel {
	var out []ApprovedModel
	for _, item := range l.sequence(n, "approved_models") {
		m := ApprovedModel{Range: l.rangeOf(item)}
		if item.Kind == yaml.ScalarNode && !isNull(item) {
			m.Name = item.Value
			out = append(out, m)
			continue
		}
		l.fields(item, "an approved model", []field{
			{"format", func(v *yaml.Node) { m.Format, _ = l.scalar(v, "format") }},
			{"name", func(v *yaml.Node) { m.Name, _ = l.scalar(v, "name") }},
			{"version", func(v *yaml.Node) { m.Version, _ = l.scalar(v, "version") }},
		})
		if item.Kind != yaml.MappingNode {
			continue
		}
		if m.Name == "" {
			l.errorf(item, "Name expected", "An approved model must have a name, such as name: gpt-4o.")
			continue
		}
		out = append(out, m)
	}
	return out
}

// resolve follows aliases to the node they stand for.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[size:]
}

// rangeOf returns where a node stands: a scalar from its first character to just past its last, anything
// else at its start. yaml.v3 gives only a line and a column counted in characters.
func (l *loader) rangeOf(n *yaml.Node) hcl.Range {
	start := l.lines.posOfColumn(n.Line, n.Column)
	end := start
	if n.Kind == yaml.ScalarNode {
		end = l.lines.pos(l.scalarEnd(n, start.Byte))
	}
	return hcl.Range{Filename: l.path, Start: start, End: end}
}

// scalarEnd returns the offset just past a scalar that starts at off, or off itself for the block styles
// whose end is not worth finding.
func (l *loader) scalarEnd(n *yaml.Node, off int) int {
	src := l.lines.src
	switch n.Style {
	case yaml.DoubleQuotedStyle:
		for i := off + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
	case yaml.SingleQuotedStyle:
		for i := off + 1; i < len(src); i++ {
			if src[i] == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
	case 0:
		if end := off + len(n.Value); end <= len(src) && string(src[off:end]) == n.Value {
			return end
		}
	}
	return off
}
