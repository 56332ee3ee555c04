package checks_test

// Fixtures come in two kinds, and each kind runs with a fixed set of rules, so that adding a rule to the
// catalog never changes the expectations of a fixture written before it:
//
//   - testdata/rules/RULEID/LANGUAGE/CASE shows what one rule finds, and runs with that rule alone, as
//     go/analysis's analysistest does;
//   - testdata/scenarios/LANGUAGE/CASE shows what a front end makes of the code, and runs with the rules
//     pinned in scenarioRuleIDs.
//
// Each CASE folder is scanned as its own root. Its files say on each line what the scan must report there,
// `# want AIG101 AIG201?` (`// want` in Bicep), and files that cannot carry such a comment (JSON) have a
// NAME.want sidecar of `LINE RULE` lines. Findings and expectations are matched one for one.

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/scan"
	"github.com/hashicorp/hcl/v2"
)

const (
	ruleFixturesDir     = "testdata/rules"
	scenarioFixturesDir = "testdata/scenarios"
)

// scenarioRuleIDs are the rules the scenarios run with. They are pinned rather than taken from the
// catalog: a new rule brings fixtures of its own and must leave every scenario as it is.
var scenarioRuleIDs = []string{"AIG101", "AIG201", "AIG301"}

// fixtureLanguages are the languages fixture folders are written in, each folder named as
// model.Language.String names it.
var fixtureLanguages = []model.Language{model.Terraform, model.Bicep, model.ARM}

// languagesOf returns the names of the language folders a rule needs per-rule fixtures in: every
// language whose resources it judges, as its metadata says.
func languagesOf(rule *checks.Rule) []string {
	var names []string
	for _, l := range fixtureLanguages {
		if rule.AppliesTo(l) {
			names = append(names, l.String())
		}
	}
	return names
}

func isFixtureLanguage(name string) bool {
	return slices.ContainsFunc(fixtureLanguages, func(l model.Language) bool { return l.String() == name })
}

// TestRuleFixtures runs each per-rule fixture with its rule alone, after checking that every rule has
// fixtures in each language it applies to and that every fixture folder names a rule of the catalog.
func TestRuleFixtures(t *testing.T) {
	fixtures, err := indexRuleFixtures(os.DirFS(ruleFixturesDir))
	if err != nil {
		t.Fatalf("%s: %v", ruleFixturesDir, err)
	}
	rules := checks.Builtin().Rules()
	for _, problem := range ruleFixtureGaps(rules, fixtures) {
		t.Error(problem)
	}
	for _, fx := range fixtures {
		i := slices.IndexFunc(rules, func(r *checks.Rule) bool { return r.ID == fx.Rule })
		if i < 0 {
			continue // reported by ruleFixtureGaps
		}
		t.Run(fx.String(), func(t *testing.T) {
			t.Parallel()
			res := checkFixture(t, filepath.Join(ruleFixturesDir, filepath.FromSlash(fx.String())), rules[i:i+1])
			// A passing case whose resources the rule never looked at (a misspelt type, a resource the
			// front end dropped) would pass whatever the rule does.
			if len(res.Findings) == 0 && len(res.Judged) == 0 {
				t.Errorf("%s judged no resource here and found nothing: the fixture tests nothing", fx.Rule)
			}
		})
	}
}

// TestScenarioFixtures runs each scenario with the pinned rules.
func TestScenarioFixtures(t *testing.T) {
	catalog := checks.Builtin()
	var rules []*checks.Rule
	for _, id := range scenarioRuleIDs {
		rule, ok := catalog.Lookup(id)
		if !ok {
			t.Fatalf("scenarioRuleIDs names %s, which is not in the catalog", id)
		}
		rules = append(rules, rule)
	}
	cases, err := fixtureFolders(os.DirFS(scenarioFixturesDir), 2)
	if err != nil {
		t.Fatalf("%s: %v", scenarioFixturesDir, err)
	}
	if len(cases) == 0 {
		t.Fatalf("no scenario under %s", scenarioFixturesDir)
	}
	for _, c := range cases {
		if language, _, _ := strings.Cut(c, "/"); !isFixtureLanguage(language) {
			t.Errorf("%s/%s: %q is not a fixture language %v", scenarioFixturesDir, language, language, fixtureLanguages)
			continue
		}
		t.Run(c, func(t *testing.T) {
			t.Parallel()
			checkFixture(t, filepath.Join(scenarioFixturesDir, filepath.FromSlash(c)), rules)
		})
	}
}

// checkFixture scans one case folder with rules and compares what it reports with what the folder's
// files expect.
func checkFixture(t *testing.T, dir string, rules []*checks.Rule) *scan.Result {
	t.Helper()
	want, err := readExpectations(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}, Rules: rules})
	if err != nil {
		t.Fatal(err)
	}
	missing, unexpected := diffExpectations(want, reported(res))
	if len(missing)+len(unexpected) == 0 {
		return res
	}
	var b strings.Builder
	for _, e := range missing {
		fmt.Fprintf(&b, "  missing:    %s\n", e)
	}
	for _, e := range unexpected {
		fmt.Fprintf(&b, "  unexpected: %s\n", e)
	}
	t.Errorf("findings differ from the fixture's expectations:\n%sall findings:\n%s%s", b.String(), describe(res.Findings), res.Diagnostics.Error())
	return res
}

func describe(findings []model.Finding) string {
	var b strings.Builder
	for _, f := range findings {
		fmt.Fprintf(&b, "  %s %s [%s, %s] %s\n", f.Range, f.RuleID, f.Confidence, f.Resource, f.Message)
	}
	return b.String()
}

// ruleFixture is one case folder of testdata/rules.
type ruleFixture struct {
	Rule, Language, Case string
}

// String is the folder's path below testdata/rules, with forward slashes.
func (fx ruleFixture) String() string { return path.Join(fx.Rule, fx.Language, fx.Case) }

// indexRuleFixtures lists the case folders of fsys, laid out RULEID/LANGUAGE/CASE.
func indexRuleFixtures(fsys fs.FS) ([]ruleFixture, error) {
	folders, err := fixtureFolders(fsys, 3)
	if err != nil {
		return nil, err
	}
	fixtures := make([]ruleFixture, len(folders))
	for i, f := range folders {
		parts := strings.Split(f, "/")
		fixtures[i] = ruleFixture{Rule: parts[0], Language: parts[1], Case: parts[2]}
	}
	return fixtures, nil
}

// fixtureFolders returns the folders depth levels below the root of fsys, as slash-separated paths. A
// file above that depth is an error: it is a fixture put at the wrong level, which would never run.
func fixtureFolders(fsys fs.FS, depth int) ([]string, error) {
	folders := []string{"."}
	for range depth {
		var next []string
		for _, dir := range folders {
			entries, err := fs.ReadDir(fsys, dir)
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				p := path.Join(dir, e.Name())
				if !e.IsDir() {
					return nil, fmt.Errorf("%s: a file where only folders belong (the fixtures are %d levels down)", p, depth)
				}
				next = append(next, p)
			}
		}
		folders = next
	}
	return folders, nil
}

// ruleFixtureGaps says what is wrong with the set of per-rule fixtures: a rule without a fixture in a
// language it applies to, a folder that names no rule of the catalog or no language.
func ruleFixtureGaps(rules []*checks.Rule, fixtures []ruleFixture) []string {
	problems := map[string]bool{}
	covered := map[ruleFixture]bool{} // rule and language, without the case
	for _, fx := range fixtures {
		if !slices.ContainsFunc(rules, func(r *checks.Rule) bool { return r.ID == fx.Rule }) {
			problems[fmt.Sprintf("%s/%s: no rule of the catalog has the ID %q", ruleFixturesDir, fx.Rule, fx.Rule)] = true
		}
		if !isFixtureLanguage(fx.Language) {
			problems[fmt.Sprintf("%s/%s/%s: %q is not a fixture language %v", ruleFixturesDir, fx.Rule, fx.Language, fx.Language, fixtureLanguages)] = true
		}
		covered[ruleFixture{Rule: fx.Rule, Language: fx.Language}] = true
	}
	for _, r := range rules {
		for _, language := range languagesOf(r) {
			if !covered[ruleFixture{Rule: r.ID, Language: language}] {
				problems[fmt.Sprintf("%s applies to %s but has no fixture there: add %s/%s/%s/CASE", r.ID, language, ruleFixturesDir, r.ID, language)] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(problems))
}

// expectation is one finding or diagnostic on a line: a rule ID with whether the finding rests on a
// value unknown until deployment (written "AIG201?"), or "warning" or "error" for a diagnostic of that
// severity starting on the line.
type expectation struct {
	File      string
	Line      int
	Rule      string
	Uncertain bool
}

func (e expectation) String() string { return fmt.Sprintf("%s:%d %s", e.File, e.Line, e.item()) }

// item is the expectation as a want comment writes it: AIG201, AIG201? or warning.
func (e expectation) item() string {
	if e.Uncertain {
		return e.Rule + "?"
	}
	return e.Rule
}

func compareExpectations(a, b expectation) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.item(), b.item()))
}

// reported turns what a scan reports into expectations, one per finding and per diagnostic.
func reported(res *scan.Result) []expectation {
	var got []expectation
	for _, d := range res.Diagnostics {
		kind := "warning"
		if d.Severity == hcl.DiagError {
			kind = "error"
		}
		e := expectation{Rule: kind}
		if d.Subject != nil {
			// A diagnostic without a place cannot be expected: it stays unexpected, on line 0.
			e.File, e.Line = filepath.ToSlash(d.Subject.Filename), d.Subject.Start.Line
		}
		got = append(got, e)
	}
	for _, f := range res.Findings {
		got = append(got, expectation{File: filepath.ToSlash(f.Range.Filename), Line: f.Range.Start.Line, Rule: f.RuleID,
			Uncertain: f.Confidence == model.Uncertain})
	}
	return got
}

// diffExpectations matches want and got one for one, as multisets: `# want AIG201 AIG201` asks for two
// findings of AIG201 on its line, no fewer and no more. Both results are sorted.
func diffExpectations(want, got []expectation) (missing, unexpected []expectation) {
	pending := map[expectation]int{}
	for _, e := range want {
		pending[e]++
	}
	for _, e := range got {
		if pending[e] > 0 {
			pending[e]--
		} else {
			unexpected = append(unexpected, e)
		}
	}
	for e, n := range pending {
		for range n {
			missing = append(missing, e)
		}
	}
	slices.SortFunc(missing, compareExpectations)
	slices.SortFunc(unexpected, compareExpectations)
	return missing, unexpected
}

// readExpectations collects the want comments of every file below dir, and the lines of the NAME.want
// sidecars. A malformed one is an error naming its file and line, never skipped: skipping it would
// silently expect nothing there. All of them are reported at once.
func readExpectations(dir string) ([]expectation, error) {
	var want []expectation
	var problems []error
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		file := filepath.ToSlash(p)
		if target, ok := strings.CutSuffix(file, ".want"); ok {
			if _, err := os.Stat(target); err != nil {
				problems = append(problems, fmt.Errorf("%s: a sidecar for a file that cannot be read: %w", file, err))
			}
			es, err := parseSidecar(target, string(src))
			want = append(want, es...)
			problems = append(problems, err)
			return nil
		}
		sc := bufio.NewScanner(strings.NewReader(string(src)))
		for line := 1; sc.Scan(); line++ {
			es, err := parseWantLine(file, line, sc.Text())
			want = append(want, es...)
			problems = append(problems, err)
		}
		return sc.Err()
	})
	return want, errors.Join(append(problems, err)...)
}

// ruleIDPattern is how the catalog's IDs are spelt; a want item must match it or be warning or error.
var ruleIDPattern = regexp.MustCompile(`^AIG\d{3}$`)

// parseWantLine reads the want comment on a line of file, if there is one: any comment whose text
// begins with "want", whatever follows, since a typo there must fail rather than expect nothing.
func parseWantLine(file string, line int, text string) ([]expectation, error) {
	directive, ok := wantComment(text)
	if !ok {
		return nil, nil
	}
	fields := strings.Fields(directive)
	if fields[0] != "want" {
		return nil, fmt.Errorf("%s:%d: %q: a want comment starts with the word want, then the rules", file, line, fields[0])
	}
	if len(fields) == 1 {
		return nil, fmt.Errorf("%s:%d: want names nothing: list the rules (AIG201, AIG201?) or diagnostics (warning, error) expected on the line", file, line)
	}
	var want []expectation
	for _, item := range fields[1:] {
		e, err := parseExpected(file, line, item)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, line, err)
		}
		want = append(want, e)
	}
	return want, nil
}

// wantComment returns the text of the first comment on the line (after # or //) that begins with
// "want" in any case. A comment marker inside a string, such as the one in a URL, is seldom followed by
// "want", and a false match fails loudly rather than passing.
func wantComment(text string) (string, bool) {
	for i := range len(text) {
		var rest string
		switch {
		case text[i] == '#':
			rest = text[i+1:]
		case strings.HasPrefix(text[i:], "//"):
			rest = text[i+2:]
		default:
			continue
		}
		rest = strings.TrimLeft(rest, " \t")
		if len(rest) >= len("want") && strings.EqualFold(rest[:len("want")], "want") {
			return rest, true
		}
	}
	return "", false
}

// parseExpected reads one item of a want comment or sidecar line: AIG201, AIG201?, warning or error.
func parseExpected(file string, line int, item string) (expectation, error) {
	if item == "warning" || item == "error" {
		return expectation{File: file, Line: line, Rule: item}, nil
	}
	id, uncertain := strings.CutSuffix(item, "?")
	if !ruleIDPattern.MatchString(id) {
		return expectation{}, fmt.Errorf("%q is neither a rule ID (AIG201, or AIG201? for a finding of unknown confidence) nor warning or error", item)
	}
	return expectation{File: file, Line: line, Rule: id, Uncertain: uncertain}, nil
}

// parseSidecar reads a NAME.want file: `LINE RULE` lines about the file target, and # comments.
func parseSidecar(target, src string) ([]expectation, error) {
	var want []expectation
	var problems []error
	for i, text := range strings.Split(src, "\n") {
		fields := strings.Fields(text)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		at := fmt.Sprintf("%s.want:%d", target, i+1)
		if len(fields) != 2 {
			problems = append(problems, fmt.Errorf("%s: %q: want LINE RULE, one pair a line", at, text))
			continue
		}
		line, err := strconv.Atoi(fields[0])
		if err != nil || line < 1 {
			problems = append(problems, fmt.Errorf("%s: %q is not a line number", at, fields[0]))
			continue
		}
		e, err := parseExpected(target, line, fields[1])
		if err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", at, err))
			continue
		}
		want = append(want, e)
	}
	return want, errors.Join(problems...)
}
