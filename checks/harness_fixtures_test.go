package checks_test

// Tests of the fixture harness itself: each check it makes must be able to fail, or a fixture could
// pass by expecting nothing.

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
)

func TestParseWantLine(t *testing.T) {
	at := func(rule string, uncertain bool) expectation {
		return expectation{File: "main.tf", Line: 7, Rule: rule, Uncertain: uncertain}
	}
	tests := []struct {
		line string
		want []expectation
		// wantErr is part of the error; the error must also name main.tf:7.
		wantErr string
	}{
		{line: `resource "azurerm_cognitive_account" "a" { # want AIG101 AIG201`, want: []expectation{at("AIG101", false), at("AIG201", false)}},
		{line: `    disableLocalAuth: flag // want AIG201?`, want: []expectation{at("AIG201", true)}},
		{line: `  name = "x" # want warning error`, want: []expectation{at("warning", false), at("error", false)}},
		{line: `  count = 2 # want AIG301 AIG301`, want: []expectation{at("AIG301", false), at("AIG301", false)}},
		{line: `  x = 1 #want AIG101`, want: []expectation{at("AIG101", false)}},
		{line: `  x = 1 # a note # want AIG101`, want: []expectation{at("AIG101", false)}},
		{line: `  uri = "https://kv.vault.azure.net/" # want AIG301`, want: []expectation{at("AIG301", false)}},
		{line: `  local_auth_enabled = true`},
		{line: `# The user wants keys here: not a want comment.`},
		{line: `# want AIG201 -- reason`, wantErr: `"--"`},
		{line: `// want AIG20`, wantErr: `"AIG20"`},
		{line: `// want aig201`, wantErr: `"aig201"`},
		{line: `// want AIG201??`, wantErr: `"AIG201??"`},
		{line: `// want warning?`, wantErr: `"warning?"`},
		{line: `#want`, wantErr: "names nothing"},
		{line: `  x = 1 // want   `, wantErr: "names nothing"},
		{line: `// wants AIG101`, wantErr: `"wants"`},
		{line: `# Want AIG101`, wantErr: `"Want"`},
		{line: `# want: AIG101`, wantErr: `"want:"`},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, err := parseWantLine("main.tf", 7, tt.line)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "main.tf:7: ") {
					t.Errorf("error %v, want one at main.tf:7 mentioning %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseSidecar(t *testing.T) {
	got, err := parseSidecar("main.json", "# why these findings\n\n6 AIG101\n  7 AIG201?\n7 AIG201?\n12 error\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []expectation{
		{File: "main.json", Line: 6, Rule: "AIG101"},
		{File: "main.json", Line: 7, Rule: "AIG201", Uncertain: true},
		{File: "main.json", Line: 7, Rule: "AIG201", Uncertain: true},
		{File: "main.json", Line: 12, Rule: "error"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}

	for _, bad := range []string{"6", "6 AIG101 AIG201", "6 AIG101 # reason", "six AIG101", "0 AIG101", "-3 AIG101", "6 AIG20", "6 want"} {
		t.Run(bad, func(t *testing.T) {
			_, err := parseSidecar("main.json", "# a comment\n"+bad+"\n")
			if err == nil || !strings.HasPrefix(err.Error(), "main.json.want:2: ") {
				t.Errorf("error %v, want one at main.json.want:2", err)
			}
		})
	}
}

func TestDiffExpectations(t *testing.T) {
	e := func(line int, item string) expectation {
		rule, uncertain := strings.CutSuffix(item, "?")
		return expectation{File: "main.tf", Line: line, Rule: rule, Uncertain: uncertain}
	}
	tests := []struct {
		name                string
		want, got           []expectation
		missing, unexpected []expectation
	}{
		{name: "equal, in any order", want: []expectation{e(1, "AIG101"), e(2, "AIG201")}, got: []expectation{e(2, "AIG201"), e(1, "AIG101")}},
		{name: "duplicates matched one for one", want: []expectation{e(1, "AIG301"), e(1, "AIG301")}, got: []expectation{e(1, "AIG301"), e(1, "AIG301")}},
		{name: "two wanted, one found", want: []expectation{e(1, "AIG301"), e(1, "AIG301")}, got: []expectation{e(1, "AIG301")},
			missing: []expectation{e(1, "AIG301")}},
		{name: "one wanted, two found", want: []expectation{e(1, "AIG301")}, got: []expectation{e(1, "AIG301"), e(1, "AIG301")},
			unexpected: []expectation{e(1, "AIG301")}},
		{name: "confidence differs", want: []expectation{e(3, "AIG201")}, got: []expectation{e(3, "AIG201?")},
			missing: []expectation{e(3, "AIG201")}, unexpected: []expectation{e(3, "AIG201?")}},
		{name: "line differs", want: []expectation{e(3, "warning")}, got: []expectation{e(4, "warning")},
			missing: []expectation{e(3, "warning")}, unexpected: []expectation{e(4, "warning")}},
		{name: "nothing wanted", got: []expectation{e(9, "AIG101"), e(2, "AIG101")},
			unexpected: []expectation{e(2, "AIG101"), e(9, "AIG101")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			missing, unexpected := diffExpectations(tt.want, tt.got)
			if !slices.Equal(missing, tt.missing) || !slices.Equal(unexpected, tt.unexpected) {
				t.Errorf("missing %v, unexpected %v; want missing %v, unexpected %v", missing, unexpected, tt.missing, tt.unexpected)
			}
		})
	}
}

func TestIndexRuleFixtures(t *testing.T) {
	file := &fstest.MapFile{Data: []byte("resource \"azurerm_cognitive_account\" \"a\" {}\n")}
	got, err := indexRuleFixtures(fstest.MapFS{
		"AIG101/terraform/default/main.tf": file,
		"AIG101/bicep/default/main.bicep":  file,
		"AIG101/bicep/secure/main.bicep":   file,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []ruleFixture{{"AIG101", "bicep", "default"}, {"AIG101", "bicep", "secure"}, {"AIG101", "terraform", "default"}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}

	// A fixture one level too high would never run.
	for _, misplaced := range []string{"AIG101/terraform/main.tf", "AIG101/main.tf", "main.tf"} {
		t.Run(misplaced, func(t *testing.T) {
			_, err := indexRuleFixtures(fstest.MapFS{"AIG101/terraform/default/main.tf": file, misplaced: file})
			if err == nil || !strings.Contains(err.Error(), misplaced) {
				t.Errorf("error %v, want one naming %s", err, misplaced)
			}
		})
	}
}

func TestRuleFixtureGaps(t *testing.T) {
	everywhere := &checks.Rule{ID: "AIG901"}
	templatesOnly := &checks.Rule{ID: "AIG902", Languages: []model.Language{model.Bicep, model.ARM}}
	rules := []*checks.Rule{everywhere, templatesOnly}
	complete := []ruleFixture{
		{"AIG901", "terraform", "default"}, {"AIG901", "bicep", "default"}, {"AIG901", "arm", "default"},
		{"AIG902", "bicep", "default"}, {"AIG902", "arm", "default"},
	}
	tests := []struct {
		name     string
		fixtures []ruleFixture
		// want are parts of the problems reported, one per problem.
		want []string
	}{
		{name: "complete", fixtures: complete},
		{name: "a language missing", fixtures: slices.Delete(slices.Clone(complete), 1, 2), want: []string{"AIG901 applies to bicep but has no fixture there"}},
		{name: "no fixture at all", want: []string{
			"AIG901 applies to arm", "AIG901 applies to bicep", "AIG901 applies to terraform", "AIG902 applies to arm", "AIG902 applies to bicep",
		}},
		{name: "an ID not in the catalog", fixtures: append(slices.Clone(complete), ruleFixture{"AIG903", "arm", "default"}, ruleFixture{"AIG903", "bicep", "default"}),
			want: []string{`testdata/rules/AIG903: no rule of the catalog has the ID "AIG903"`}},
		{name: "a language that is none", fixtures: append(slices.Clone(complete), ruleFixture{"AIG901", "tf", "default"}),
			want: []string{`testdata/rules/AIG901/tf: "tf" is not a fixture language`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ruleFixtureGaps(rules, tt.fixtures)
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %d problems like %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.Contains(got[i], tt.want[i]) {
					t.Errorf("problem %d is %q, want it to say %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}
