package scan_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/arm"
	"github.com/aigate-dev/aigate/parser/bicep"
	"github.com/google/go-cmp/cmp"
)

// TestBicepMatchesCompiledTemplate reads each main.bicep of the corpus that sits beside the
// azuredeploy.json compiled from it, and requires the same rules to fire on the same resources in both.
// cognitive-services-universalkey is left out: the corpus notes that its two files come from different
// versions and do not describe the same resources.
func TestBicepMatchesCompiledTemplate(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not present at %s", corpusDir)
	}
	sources, err := filepath.Glob(filepath.Join(corpusDir, "*", "quickstarts", "*", "*", "main.bicep"))
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, source := range sources {
		dir := filepath.Dir(source)
		compiled := filepath.Join(dir, "azuredeploy.json")
		if _, err := os.Stat(compiled); err != nil || filepath.Base(dir) == "cognitive-services-universalkey" {
			continue
		}
		compared++
		t.Run(filepath.Base(dir), func(t *testing.T) {
			fromBicep := bicep.Load([]string{source}, bicep.Options{})
			fromARM := arm.Load([]string{compiled}, arm.Options{})
			if fromBicep.Diagnostics.HasErrors() {
				t.Errorf("Bicep errors: %s", fromBicep.Diagnostics.Error())
			}
			want, got := verdicts(fromARM.Deployments), verdicts(fromBicep.Deployments)
			if len(want) == 0 {
				t.Fatal("the compiled template yields no resource")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("rules per resource differ (-compiled ARM +Bicep):\n%s", diff)
			}
		})
	}
	if compared == 0 {
		t.Error("no main.bicep beside an azuredeploy.json in the corpus")
	}
}

// verdicts lists, for each resource in declaration order, its type, its name when known (else its place
// among the resources of its type) and the rules that fire on it.
func verdicts(deployments []*model.Deployment) []string {
	rules := map[string][]string{}
	var resources []*model.Resource
	for _, d := range deployments {
		for _, f := range checks.Run(checks.Builtin().Rules(), d, checks.Settings{}).Findings {
			rules[f.Resource] = append(rules[f.Resource], f.RuleID)
		}
		resources = append(resources, d.Resources...)
	}
	seen := map[string]int{}
	var out []string
	for _, r := range resources {
		id := r.Type + "/#" + fmt.Sprint(seen[r.Type])
		if name, ok := r.Body.Get("name").String(); ok {
			id = r.Type + "/" + name
		}
		seen[r.Type]++
		fired := slices.Sorted(slices.Values(rules[r.Address]))
		out = append(out, fmt.Sprintf("%s %v", id, slices.Compact(fired)))
	}
	return out
}
