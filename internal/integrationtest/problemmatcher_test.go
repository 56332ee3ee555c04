package integrationtest

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aigate-dev/aigate/checks"
)

// matcherPattern is a problem-matcher pattern: GitHub's and VS Code's share these fields.
type matcherPattern struct {
	Regexp   string `json:"regexp"`
	File     int    `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity int    `json:"severity"`
	Message  int    `json:"message"`
	Code     int    `json:"code"`
}

// problemMatcher is one matcher as the two places configure it.
type problemMatcher struct {
	source  string
	owner   string
	pattern matcherPattern
}

// vscodeTasksPath is the VS Code example. It lives in docs/, not examples/: examples/ holds the
// insecure infrastructure that `aigate scan examples` is expected to flag.
const vscodeTasksPath = "docs/vscode/tasks.json"

// readMatchers reads the GitHub Actions problem matcher and the VS Code task's matcher.
func readMatchers(t *testing.T) []problemMatcher {
	t.Helper()
	root := repoRoot(t)

	var github struct {
		ProblemMatcher []struct {
			Owner   string           `json:"owner"`
			Pattern []matcherPattern `json:"pattern"`
		} `json:"problemMatcher"`
	}
	readJSON(t, filepath.Join(root, ".github", "aigate-problem-matcher.json"), &github)
	if len(github.ProblemMatcher) != 1 || len(github.ProblemMatcher[0].Pattern) != 1 {
		t.Fatalf("the GitHub problem matcher file should hold one matcher with one pattern: %+v", github)
	}

	// VS Code reads tasks.json as JSON with comments; the example has none, so that plain JSON reads it.
	var vscode struct {
		Tasks []struct {
			Command        string   `json:"command"`
			Args           []string `json:"args"`
			ProblemMatcher struct {
				Owner   string         `json:"owner"`
				Pattern matcherPattern `json:"pattern"`
			} `json:"problemMatcher"`
		} `json:"tasks"`
	}
	readJSON(t, filepath.Join(root, filepath.FromSlash(vscodeTasksPath)), &vscode)
	if len(vscode.Tasks) != 1 {
		t.Fatalf("%s should hold one task, has %d", vscodeTasksPath, len(vscode.Tasks))
	}
	task := vscode.Tasks[0]
	if command := strings.Join(append([]string{task.Command}, task.Args...), " "); !strings.HasPrefix(command, "aigate scan --format compact") {
		t.Errorf("%s runs %q, not aigate's compact format", vscodeTasksPath, command)
	}

	return []problemMatcher{
		{".github/aigate-problem-matcher.json", github.ProblemMatcher[0].Owner, github.ProblemMatcher[0].Pattern[0]},
		{vscodeTasksPath, task.ProblemMatcher.Owner, task.ProblemMatcher.Pattern},
	}
}

// TestProblemMatchersAgree: the editor and CI read the same lines, so their matchers must be one.
func TestProblemMatchersAgree(t *testing.T) {
	matchers := readMatchers(t)
	for _, m := range matchers[1:] {
		if m.owner != matchers[0].owner || m.pattern != matchers[0].pattern {
			t.Errorf("%s: owner %q, pattern %+v\ndiffers from %s: owner %q, pattern %+v",
				m.source, m.owner, m.pattern, matchers[0].source, matchers[0].owner, matchers[0].pattern)
		}
	}
}

// matchedGroups are the fields a matcher takes from a line.
type matchedGroups struct {
	file, line, column, severity, message, code string
}

// match applies a matcher's pattern to one line, the way the GitHub runner and VS Code do. Go's regexp
// stands in for JavaScript's: the pattern uses only constructs that mean the same in both (lazy
// quantifiers, a non-capturing group, \d, \s and character classes; with leftmost-first matching, RE2
// picks the same submatches a backtracking engine does), and TestProblemMatcherInJavaScript checks it
// with a JavaScript engine where one is installed.
func (m problemMatcher) match(t *testing.T, line string) (matchedGroups, bool) {
	t.Helper()
	re, err := regexp.Compile(m.pattern.Regexp)
	if err != nil {
		t.Fatalf("%s: %v", m.source, err)
	}
	sub := re.FindStringSubmatch(line)
	if sub == nil {
		return matchedGroups{}, false
	}
	group := func(i int) string {
		if i <= 0 || i >= len(sub) {
			t.Fatalf("%s: group %d is not in the pattern", m.source, i)
		}
		return sub[i]
	}
	p := m.pattern
	return matchedGroups{
		file: group(p.File), line: group(p.Line), column: group(p.Column),
		severity: group(p.Severity), message: group(p.Message), code: group(p.Code),
	}, true
}

// TestProblemMatchersReadCompactOutput feeds real compact output through both matchers: the findings in
// examples/ and the parse errors of a broken file. Each line must match, point at a real place in a real
// file, and split into groups that rebuild the line, so no text is lost to the wrong group.
func TestProblemMatchersReadCompactOutput(t *testing.T) {
	matchers := readMatchers(t)
	root := repoRoot(t)
	aigate := buildAigate(t, root)

	broken := t.TempDir()
	writeFile(t, filepath.Join(broken, "broken.tf"), "resource \"azurerm_cognitive_account\" \"oai\" {\n  name = \"oai\"\n")

	runs := []struct {
		dir, path  string
		wantStatus int
	}{{root, "examples", 1}, {broken, ".", 2}}
	codes := map[string]bool{}
	for _, run := range runs {
		res := runCommand(t, run.dir, nil, aigate, "scan", "--format", "compact", run.path)
		if res.status != run.wantStatus {
			t.Fatalf("want exit status %d:\n%s", run.wantStatus, res)
		}
		for line := range strings.Lines(strings.TrimSuffix(res.output, "\n")) {
			line = strings.TrimSuffix(line, "\n")
			// A diagnostic about no file in particular starts with the tool's name, like a compiler's, and
			// has nowhere to be annotated.
			unlocated := strings.HasPrefix(line, "aigate: ")
			for _, m := range matchers {
				g, ok := m.match(t, line)
				if ok == unlocated {
					t.Errorf("%s matches %q: %v, want %v", m.source, line, ok, !unlocated)
				}
				if !ok {
					continue
				}
				if err := checkGroups(run.dir, line, g); err != nil {
					t.Errorf("%s on %q: %v", m.source, line, err)
				}
				codes[g.code] = true
			}
		}
	}
	for _, want := range []string{"AIG101", "AIG201", "AIG301", ""} {
		if !codes[want] {
			t.Errorf("no line with code %q in the output; codes seen: %v", want, slices.Sorted(maps.Keys(codes)))
		}
	}
}

// checkGroups checks what a matcher took from a compact line printed in dir.
func checkGroups(dir, line string, g matchedGroups) error {
	rebuilt := fmt.Sprintf("%s:%s:%s: %s: %s", g.file, g.line, g.column, g.severity, g.message)
	if g.code != "" {
		rebuilt += " [" + g.code + "]"
		if _, ok := checks.Builtin().Lookup(g.code); !ok {
			return fmt.Errorf("code %q is no rule", g.code)
		}
	}
	if rebuilt != line {
		return fmt.Errorf("groups %+v rebuild the line as %q", g, rebuilt)
	}
	content, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(g.file)))
	if err != nil {
		return fmt.Errorf("file group: %w", err)
	}
	lines := strings.Split(string(content), "\n")
	lineNo, _ := strconv.Atoi(g.line)
	col, _ := strconv.Atoi(g.column)
	if lineNo < 1 || lineNo > len(lines) {
		return fmt.Errorf("line %d is outside %s (%d lines)", lineNo, g.file, len(lines))
	}
	if width := utf8.RuneCountInString(lines[lineNo-1]); col < 1 || col > width+1 {
		return fmt.Errorf("column %d is outside line %d of %s (%d characters)", col, lineNo, g.file, width)
	}
	return nil
}

// matcherCases are lines the matchers must read right, or not at all.
var matcherCases = []struct {
	line string
	want *matchedGroups
}{{
	line: "infra/openai.tf:14:3: error: Azure OpenAI account 'oai' accepts API keys (local_auth_enabled defaults to true) [AIG201]",
	want: &matchedGroups{"infra/openai.tf", "14", "3", "error", "Azure OpenAI account 'oai' accepts API keys (local_auth_enabled defaults to true)", "AIG201"},
}, {
	// Brackets and colons inside the message, as ARM expressions and Bicep loops put there.
	line: "arm/main.json:11:7: warning: account named by [parameters('name')]: value [for x in y: x] is unknown [AIG301]",
	want: &matchedGroups{"arm/main.json", "11", "7", "warning", "account named by [parameters('name')]: value [for x in y: x] is unknown", "AIG301"},
}, {
	// A message that quotes another place: the first location is the line's own.
	line: "main.tf:2:1: notice: module at modules/ai/main.tf:9:3: error: keys [AIG201]",
	want: &matchedGroups{"main.tf", "2", "1", "notice", "module at modules/ai/main.tf:9:3: error: keys", "AIG201"},
}, {
	// A parse error has no rule.
	line: "my infra/broken.tf:1:42: error: Unclosed configuration block: There is no closing brace",
	want: &matchedGroups{"my infra/broken.tf", "1", "42", "error", "Unclosed configuration block: There is no closing brace", ""},
}, {
	// A diagnostic about no file in particular names the tool; there is nothing to annotate.
	line: "aigate: error: cannot read .aigate.yml",
}, {
	// The runner skips severities other than error, warning and notice; the pattern must not take them.
	line: "main.tf:1:1: info: something [AIG201]",
}}

// TestProblemMatchersOnEdgeCases runs both matchers on lines chosen to trip a pattern up.
func TestProblemMatchersOnEdgeCases(t *testing.T) {
	for _, m := range readMatchers(t) {
		for _, tc := range matcherCases {
			g, ok := m.match(t, tc.line)
			switch {
			case tc.want == nil && ok:
				t.Errorf("%s matches %q: %+v", m.source, tc.line, g)
			case tc.want != nil && !ok:
				t.Errorf("%s does not match %q", m.source, tc.line)
			case tc.want != nil && g != *tc.want:
				t.Errorf("%s on %q:\n got %+v\nwant %+v", m.source, tc.line, g, *tc.want)
			}
		}
	}
}

// TestProblemMatcherInJavaScript runs the pattern in a JavaScript engine, the one GitHub documents for
// problem matchers and the one VS Code runs, and compares its groups with Go's on the edge cases.
func TestProblemMatcherInJavaScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH")
	}
	m := readMatchers(t)[0]
	lines := make([]string, len(matcherCases))
	for i, tc := range matcherCases {
		lines[i] = tc.line
	}
	input, err := json.Marshal(map[string]any{"regexp": m.pattern.Regexp, "lines": lines})
	if err != nil {
		t.Fatal(err)
	}
	const script = `
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const re = new RegExp(input.regexp);
console.log(JSON.stringify(input.lines.map(l => { const m = re.exec(l); return m && Array.from(m, g => g ?? ""); })));`
	cmd := exec.CommandContext(t.Context(), node, "-e", script)
	cmd.Stdin = strings.NewReader(string(input))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var jsGroups [][]string
	if err := json.Unmarshal(out, &jsGroups); err != nil {
		t.Fatalf("node printed %q: %v", out, err)
	}
	re := regexp.MustCompile(m.pattern.Regexp)
	for i, line := range lines {
		if goGroups := re.FindStringSubmatch(line); !slices.Equal(goGroups, jsGroups[i]) {
			t.Errorf("on %q:\n     Go %q\n    JS %q", line, goGroups, jsGroups[i])
		}
	}
}
