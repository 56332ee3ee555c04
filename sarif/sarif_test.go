package sarif

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/report"
	"github.com/aigate-dev/aigate/scan"
	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "rewrite the golden SARIF file")

const (
	schemaPath = "../../shared/sarif/sarif-schema-2.1.0.json"
	goldenPath = "testdata/golden.sarif"
)

// scanned scans paths, given relative to this package, as the CLI would from here inside the repository.
func scanned(t *testing.T, paths ...string) report.Report {
	t.Helper()
	res, err := scan.Run(t.Context(), scan.Options{Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return report.Report{
		Findings:    res.Findings,
		Diagnostics: res.Diagnostics,
		Files:       res.Files,
		Resources:   res.Resources,
		Root:        filepath.Dir(wd),
		WorkDir:     wd,
	}
}

func write(t *testing.T, r report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := Write(&b, r, "test"); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sarifLog is the part of a SARIF log GitHub reads, for assertions.
type sarifLog struct {
	Version string
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID, Name, HelpURI                 string
					ShortDescription, FullDescription struct{ Text string }
					Help                              struct{ Text, Markdown string }
					DefaultConfiguration              struct{ Level string }
					Properties                        struct {
						Tags             []string
						Precision        string
						SecuritySeverity string `json:"security-severity"`
					}
				}
			}
		}
		ColumnKind string
		Results    []struct {
			RuleID    string
			RuleIndex *int
			Level     string
			Message   struct{ Text string }
			Locations []sarifLocation
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Level     string
				Message   struct{ Text string }
				Locations []sarifLocation
			}
		}
	}
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct{ URI, URIBaseID string }
		Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
	}
	LogicalLocations []struct{ FullyQualifiedName, Kind string }
}

func parse(t *testing.T, raw []byte) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	return log
}

func validate(t *testing.T, raw []byte) {
	t.Helper()
	if _, err := os.Stat(schemaPath); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent", schemaPath)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("SARIF is not valid against the 2.1.0 schema: %v", err)
	}
}

// TestExamplesMeetGitHubRequirements scans examples/ and checks the log against the SARIF schema and
// against what GitHub code scanning asks beyond it.
func TestExamplesMeetGitHubRequirements(t *testing.T) {
	raw := write(t, scanned(t, "../examples"))
	validate(t, raw)
	run := parse(t, raw).Runs[0]

	driver := run.Tool.Driver
	if driver.Name != "aigate" || driver.Version != "test" || driver.InformationURI != informationURI {
		t.Errorf("driver = %s %s %s, want aigate test %s", driver.Name, driver.Version, driver.InformationURI, informationURI)
	}
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q, want unicodeCodePoints", run.ColumnKind)
	}
	if len(driver.Rules) != len(checks.Builtin().Rules()) {
		t.Errorf("got %d rules, want every rule, %d", len(driver.Rules), len(checks.Builtin().Rules()))
	}
	for _, rule := range driver.Rules {
		if rule.Help.Text == "" || rule.Help.Markdown == "" {
			t.Errorf("%s: no help text or markdown", rule.ID)
		}
		if rule.HelpURI != HelpURI(rule.ID) {
			t.Errorf("%s: helpUri = %q, want %q", rule.ID, rule.HelpURI, HelpURI(rule.ID))
		}
		if score, err := strconv.ParseFloat(rule.Properties.SecuritySeverity, 64); err != nil || score <= 0 || score > 10 {
			t.Errorf("%s: security-severity = %q, want a number in (0, 10]", rule.ID, rule.Properties.SecuritySeverity)
		}
		if rule.Name == "" || len(rule.Name) > 255 || rule.Name == rule.ID {
			t.Errorf("%s: name %q must be set, differ from the ID and be at most 255 characters", rule.ID, rule.Name)
		}
		if rule.ShortDescription.Text == "" || len(rule.ShortDescription.Text) > 1024 {
			t.Errorf("%s: shortDescription must be 1 to 1024 characters, is %d", rule.ID, len(rule.ShortDescription.Text))
		}
		if rule.FullDescription.Text == "" || len(rule.FullDescription.Text) > 1024 {
			t.Errorf("%s: fullDescription must be 1 to 1024 characters, is %d", rule.ID, len(rule.FullDescription.Text))
		}
		if n := len(rule.Properties.Tags); n < 3 || n > 20 {
			t.Errorf("%s: tags = %q, want security, azure and the category, at most 20", rule.ID, rule.Properties.Tags)
		}
	}

	if len(run.Results) == 0 {
		t.Fatal("no results from examples/: nothing to check")
	}
	for _, res := range run.Results {
		if res.RuleIndex == nil || *res.RuleIndex >= len(driver.Rules) || driver.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s: ruleIndex %v does not point at its rule", res.RuleID, res.RuleIndex)
		}
		if res.Message.Text == "" {
			t.Errorf("result %s: empty message", res.RuleID)
		}
		if len(res.Locations) != 1 {
			t.Errorf("result %s: %d locations, want 1", res.RuleID, len(res.Locations))
			continue
		}
		loc := res.Locations[0]
		checkURI(t, loc.PhysicalLocation.ArtifactLocation.URI)
		if reg := loc.PhysicalLocation.Region; reg.StartLine < 1 || reg.StartColumn < 1 || reg.EndLine < reg.StartLine || reg.EndColumn < 1 {
			t.Errorf("result %s at %s: incomplete region %+v", res.RuleID, loc.PhysicalLocation.ArtifactLocation.URI, reg)
		}
		if len(loc.LogicalLocations) != 1 || loc.LogicalLocations[0].FullyQualifiedName == "" || loc.LogicalLocations[0].Kind != "resource" {
			t.Errorf("result %s: logicalLocations = %+v, want the resource address", res.RuleID, loc.LogicalLocations)
		}
	}
	for _, n := range run.Invocations[0].ToolExecutionNotifications {
		for _, loc := range n.Locations {
			checkURI(t, loc.PhysicalLocation.ArtifactLocation.URI)
		}
	}
}

// checkURI fails for a URI GitHub would not resolve against the repository root.
func checkURI(t *testing.T, uri string) {
	t.Helper()
	if uri == "" || strings.HasPrefix(uri, "./") || strings.HasPrefix(uri, "/") || strings.Contains(uri, ":") ||
		strings.HasPrefix(uri, "../") || strings.Contains(uri, `\`) {
		t.Errorf("uri %q is not relative to the repository root with forward slashes", uri)
	}
	if !strings.HasPrefix(uri, "examples/") {
		t.Errorf("uri %q does not start at the repository root", uri)
	}
}

// TestGolden pins the whole log for a small fixture: a finding, one of unknown confidence, a finding on
// an absent attribute and a file that does not parse. Run with -update to rewrite testdata/golden.sarif.
func TestGolden(t *testing.T) {
	got := write(t, scanned(t, "testdata/golden"))
	validate(t, got)
	if *update {
		if err := os.WriteFile(goldenPath, got, 0o600); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("SARIF differs from %s; run go test ./sarif -update if the change is intended (-want +got):\n%s", goldenPath, diff)
	}
}

func TestDeterministic(t *testing.T) {
	first := write(t, scanned(t, "../examples"))
	for range 3 {
		if again := write(t, scanned(t, "../examples")); !bytes.Equal(first, again) {
			t.Fatalf("two scans of examples/ gave different SARIF:\n%s", cmp.Diff(string(first), string(again)))
		}
	}
}

func at(file string, line, col, endLine, endCol int) hcl.Range {
	return hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: col}, End: hcl.Pos{Line: endLine, Column: endCol}}
}

func finding(rule string, sev model.Severity, conf model.Confidence, line int) model.Finding {
	return model.Finding{
		RuleID:     rule,
		Severity:   sev,
		Confidence: conf,
		Range:      at("/repo/infra/main.tf", line, 3, line, 28),
		Resource:   "azurerm_cognitive_account.oai",
		Property:   "properties.disableLocalAuth",
		Message:    "message",
		Language:   model.Terraform,
	}
}

func TestResultLevels(t *testing.T) {
	tests := []struct {
		name      string
		sev       model.Severity
		conf      model.Confidence
		unknown   report.UnknownMode
		wantLevel string
		wantProps map[string]any
	}{
		{"critical", model.Critical, model.Certain, report.UnknownWarn, "error", nil},
		{"high", model.High, model.Certain, report.UnknownWarn, "error", nil},
		{"medium", model.Medium, model.Certain, report.UnknownWarn, "warning", nil},
		{"low", model.Low, model.Certain, report.UnknownWarn, "note", nil},
		{"uncertain warns", model.High, model.Uncertain, report.UnknownWarn, "warning", map[string]any{"confidence": "unknown"}},
		{"uncertain fails", model.High, model.Uncertain, report.UnknownFail, "error", map[string]any{"confidence": "unknown"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report.Report{Root: "/repo", Unknown: tt.unknown}
			res := result(r, finding("AIG201", tt.sev, tt.conf, 3), map[string]int{"AIG201": 1})
			if *res.Level != tt.wantLevel {
				t.Errorf("level = %s, want %s", *res.Level, tt.wantLevel)
			}
			if diff := cmp.Diff(tt.wantProps, map[string]any(res.Properties)); diff != "" {
				t.Errorf("properties mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUncertainHiddenWhenIgnored(t *testing.T) {
	r := report.Report{
		Root:     "/repo",
		Unknown:  report.UnknownIgnore,
		Findings: []model.Finding{finding("AIG201", model.High, model.Uncertain, 3), finding("AIG101", model.High, model.Certain, 4)},
	}
	log := parse(t, write(t, r))
	if got := len(log.Runs[0].Results); got != 1 || log.Runs[0].Results[0].RuleID != "AIG101" {
		t.Errorf("got %d results, want AIG101 alone", got)
	}
}

func TestResultLocation(t *testing.T) {
	r := report.Report{Root: "/repo", Findings: []model.Finding{finding("AIG201", model.High, model.Certain, 14)}}
	res := parse(t, write(t, r)).Runs[0].Results[0]
	want := sarifLocation{}
	want.PhysicalLocation.ArtifactLocation.URI = "infra/main.tf"
	want.PhysicalLocation.ArtifactLocation.URIBaseID = "%SRCROOT%"
	want.PhysicalLocation.Region = struct{ StartLine, StartColumn, EndLine, EndColumn int }{14, 3, 14, 28}
	want.LogicalLocations = []struct{ FullyQualifiedName, Kind string }{{"azurerm_cognitive_account.oai", "resource"}}
	if diff := cmp.Diff([]sarifLocation{want}, res.Locations); diff != "" {
		t.Errorf("locations mismatch (-want +got):\n%s", diff)
	}
	if *res.RuleIndex != 1 {
		t.Errorf("ruleIndex = %d, want 1 (AIG201 after AIG101)", *res.RuleIndex)
	}
}

func TestFingerprint(t *testing.T) {
	f := finding("AIG201", model.High, model.Certain, 14)
	// printf 'AIG201\0infra/main.tf\0azurerm_cognitive_account.oai\0properties.disableLocalAuth' | sha256sum
	const want = "16f778f2f04b108673867522a52758d8d2ea364474c75d98ca7ff9dfd043e73d"
	got := fingerprint(f, "infra/main.tf")
	if got != want {
		t.Errorf("fingerprint = %s, want %s", got, want)
	}
	moved := f
	moved.Range = at("/repo/infra/main.tf", 40, 5, 40, 30)
	if fingerprint(moved, "infra/main.tf") != got {
		t.Error("fingerprint changed when the finding moved to another line")
	}
	for _, other := range []model.Finding{
		finding("AIG101", model.High, model.Certain, 14),
		{RuleID: "AIG201", Resource: "azurerm_cognitive_account.other", Property: f.Property},
		{RuleID: "AIG201", Resource: f.Resource, Property: "properties.publicNetworkAccess"},
	} {
		if fingerprint(other, "infra/main.tf") == got {
			t.Errorf("fingerprint of %s %s %s equals that of %s %s %s", other.RuleID, other.Resource, other.Property, f.RuleID, f.Resource, f.Property)
		}
	}
	if fingerprint(f, "infra/other.tf") == got {
		t.Error("fingerprint ignores the file")
	}
}

func TestRegion(t *testing.T) {
	tests := []struct {
		name string
		rng  hcl.Range
		want []int // startLine, startColumn, endLine, endColumn; nil for no region; 0 for absent
	}{
		{"full range", at("f", 3, 5, 4, 2), []int{3, 5, 4, 2}},
		{"end before start", at("f", 3, 5, 2, 1), []int{3, 5, 3, 5}},
		{"end column before start on one line", at("f", 3, 5, 3, 1), []int{3, 5, 3, 5}},
		{"end unknown", at("f", 7, 1, 0, 0), []int{7, 1, 7, 1}},
		{"columns unknown", at("f", 7, 0, 7, 0), []int{7, 0, 7, 0}},
		{"no position", at("f", 0, 0, 0, 0), nil},
	}
	deref := func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := region(tt.rng)
			var got []int
			if reg != nil {
				got = []int{deref(reg.StartLine), deref(reg.StartColumn), deref(reg.EndLine), deref(reg.EndColumn)}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("region mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestURI(t *testing.T) {
	tests := []struct {
		name, root, workDir, file, want string
	}{
		{"inside the root", "/repo", "/repo", "/repo/infra/main.tf", "infra/main.tf"},
		{"relative to a working directory below the root", "/repo", "/repo/infra", "./main.tf", "infra/main.tf"},
		{"outside the root climbs out", "/repo", "/repo", "/shared/main.tf", "../shared/main.tf"},
		{"spaces and percent encoded", "/repo", "/repo", "/repo/my infra/50%.tf", "my%20infra/50%25.tf"},
		{"colon in the first segment is no scheme", "/repo", "/repo", "/repo/c:d/main.tf", "c%3Ad/main.tf"},
		{"non-ASCII encoded", "/repo", "/repo", "/repo/bücher/main.tf", "b%C3%BCcher/main.tf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report.Report{Root: filepath.FromSlash(tt.root), WorkDir: filepath.FromSlash(tt.workDir)}
			if got := uri(r, filepath.FromSlash(tt.file)); got != tt.want {
				t.Errorf("uri(%q) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}

func TestNotifications(t *testing.T) {
	broken := at("/repo/broken.tf", 1, 45, 1, 46)
	tests := []struct {
		name        string
		diags       hcl.Diagnostics
		wantSuccess bool
		wantLevels  []string
	}{
		{"none", nil, true, nil},
		{"warnings only", hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Remote module skipped"}}, true, []string{"warning"}},
		{"an error", hcl.Diagnostics{
			{Severity: hcl.DiagWarning, Summary: "Remote module skipped", Subject: &broken},
			{Severity: hcl.DiagError, Summary: "Unclosed configuration block", Detail: "There is no closing brace.", Subject: &broken},
		}, false, []string{"warning", "error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := write(t, report.Report{Root: "/repo", Diagnostics: tt.diags})
			validate(t, raw)
			inv := parse(t, raw).Runs[0].Invocations[0]
			if inv.ExecutionSuccessful != tt.wantSuccess {
				t.Errorf("executionSuccessful = %t, want %t", inv.ExecutionSuccessful, tt.wantSuccess)
			}
			var levels []string
			for _, n := range inv.ToolExecutionNotifications {
				levels = append(levels, n.Level)
			}
			if diff := cmp.Diff(tt.wantLevels, levels); diff != "" {
				t.Errorf("notification levels mismatch (-want +got):\n%s", diff)
			}
		})
	}
	raw := write(t, report.Report{Root: "/repo", Diagnostics: tests[2].diags})
	n := parse(t, raw).Runs[0].Invocations[0].ToolExecutionNotifications[1]
	if want := "Unclosed configuration block: There is no closing brace."; n.Message.Text != want {
		t.Errorf("message = %q, want %q", n.Message.Text, want)
	}
	if len(n.Locations) != 1 || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "broken.tf" || n.Locations[0].PhysicalLocation.Region.StartColumn != 45 {
		t.Errorf("locations = %+v, want broken.tf:1:45", n.Locations)
	}
}

func TestMostSevere(t *testing.T) {
	low := finding("AIG999", model.Low, model.Certain, 1)
	medium := finding("AIG301", model.Medium, model.Certain, 2)
	highUnknown := finding("AIG101", model.High, model.Uncertain, 3)
	high := finding("AIG201", model.High, model.Certain, 4)
	all := []model.Finding{low, medium, highUnknown, high}
	tests := []struct {
		limit       int
		want        []model.Finding
		wantOmitted int
	}{
		{4, all, 0},
		{3, []model.Finding{medium, highUnknown, high}, 1},
		{1, []model.Finding{high}, 3},
	}
	for _, tt := range tests {
		got, omitted := mostSevere(all, tt.limit)
		if diff := cmp.Diff(tt.want, got); diff != "" || omitted != tt.wantOmitted {
			t.Errorf("mostSevere(limit %d): omitted %d, want %d; findings (-want +got):\n%s", tt.limit, omitted, tt.wantOmitted, diff)
		}
	}
}

func TestCapAddsAWarning(t *testing.T) {
	r := report.Report{Root: "/repo", Findings: []model.Finding{
		finding("AIG301", model.Medium, model.Certain, 2),
		finding("AIG201", model.High, model.Certain, 4),
	}}
	log, omitted, err := build(r, "test", 1)
	if err != nil {
		t.Fatal(err)
	}
	if omitted != 1 || len(log.Runs[0].Results) != 1 || *log.Runs[0].Results[0].RuleID != "AIG201" {
		t.Errorf("omitted %d, kept %d results; want 1 and the high one kept", omitted, len(log.Runs[0].Results))
	}
	notes := log.Runs[0].Invocations[0].ToolExecutionNotifications
	want := "This log leaves out the 1 least severe of 2 findings: GitHub code scanning accepts at most 1 results per run."
	if len(notes) != 1 || notes[0].Level != "warning" || *notes[0].Message.Text != want {
		t.Errorf("notifications = %+v, want one warning %q", notes, want)
	}
	if !*log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Error("executionSuccessful = false, want true: leaving results out is no failure")
	}
}
