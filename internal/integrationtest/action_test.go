package integrationtest

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// actionFile is action.yml with the keys GitHub's action metadata allows where this action uses them;
// readYAML rejects any other key.
type actionFile struct {
	Name        string                  `json:"name"`
	Description string                  `json:"description"`
	Author      string                  `json:"author"`
	Branding    map[string]string       `json:"branding"`
	Inputs      map[string]actionInput  `json:"inputs"`
	Outputs     map[string]actionOutput `json:"outputs"`
	Runs        struct {
		Using string       `json:"using"`
		Steps []actionStep `json:"steps"`
	} `json:"runs"`
}

type actionInput struct {
	Description string `json:"description"`
	Required    bool   `json:"required"`
	// Default is a string: the runner hands every input over as one, and an unquoted `false` reads as
	// a YAML boolean.
	Default string `json:"default"`
}

type actionOutput struct {
	Description string `json:"description"`
	Value       string `json:"value"`
}

type actionStep struct {
	Name             string            `json:"name"`
	ID               string            `json:"id"`
	If               string            `json:"if"`
	Uses             string            `json:"uses"`
	With             map[string]string `json:"with"`
	Shell            string            `json:"shell"`
	Run              string            `json:"run"`
	Env              map[string]string `json:"env"`
	WorkingDirectory string            `json:"working-directory"`
}

var (
	expression      = regexp.MustCompile(`\$\{\{(.*?)\}\}`)
	inputReference  = regexp.MustCompile(`^\s*inputs\.([A-Za-z0-9_-]+)\s*$`)
	outputReference = regexp.MustCompile(`^\s*steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*$`)
	// scriptVariable is a variable of aigate's own that a step script reads.
	scriptVariable = regexp.MustCompile(`\$\{?(AIGATE_[A-Z0-9_]+)`)
)

func readAction(t *testing.T) actionFile {
	t.Helper()
	var action actionFile
	readYAML(t, filepath.Join(repoRoot(t), "action.yml"), &action)
	return action
}

// TestActionDefinition checks action.yml's wiring: the inputs of the design, each one used; references
// to inputs and step outputs that resolve; inputs that reach scripts through env only, so that no input
// value is ever read as shell code.
func TestActionDefinition(t *testing.T) {
	action := readAction(t)
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", action.Runs.Using)
	}
	wantInputs := []string{"args", "config", "format", "output", "path", "severity", "soft-fail"}
	if got := slices.Sorted(maps.Keys(action.Inputs)); !slices.Equal(got, wantInputs) {
		t.Errorf("inputs = %v, want %v", got, wantInputs)
	}
	for name, in := range action.Inputs {
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
	}

	used := map[string]bool{}
	stepIDs := map[string]bool{}
	for i, step := range action.Runs.Steps {
		stepIDs[step.ID] = true
		if step.Run == "" {
			continue
		}
		if step.Shell != "bash" {
			t.Errorf("step %d (%s): shell = %q, want bash", i, step.Name, step.Shell)
		}
		if strings.Contains(step.Run, "${{") {
			t.Errorf("step %d (%s): an expression in the script is pasted in before the shell reads it; pass it through env", i, step.Name)
		}
		for name, value := range step.Env {
			for _, m := range expression.FindAllStringSubmatch(value, -1) {
				ref := inputReference.FindStringSubmatch(m[1])
				if ref == nil {
					t.Errorf("step %d (%s): env %s = %q is not an input", i, step.Name, name, value)
					continue
				}
				if _, ok := action.Inputs[ref[1]]; !ok {
					t.Errorf("step %d (%s): env %s reads undeclared input %q", i, step.Name, name, ref[1])
				}
				used[ref[1]] = true
			}
		}
		read := map[string]bool{}
		for _, m := range scriptVariable.FindAllStringSubmatch(step.Run, -1) {
			read[m[1]] = true
		}
		if set := slices.Sorted(maps.Keys(step.Env)); !slices.Equal(set, slices.Sorted(maps.Keys(read))) {
			t.Errorf("step %d (%s): env sets %v but the script reads %v", i, step.Name, set, slices.Sorted(maps.Keys(read)))
		}
	}
	for name := range action.Inputs {
		if !used[name] {
			t.Errorf("input %s is never used", name)
		}
	}
	if _, ok := action.Outputs["exit-code"]; !ok {
		t.Error("no exit-code output")
	}
	for name, out := range action.Outputs {
		ref := outputReference.FindStringSubmatch(strings.TrimSuffix(strings.TrimPrefix(out.Value, "${{"), "}}"))
		if ref == nil || !stepIDs[ref[1]] {
			t.Errorf("output %s = %q names no step of the action", name, out.Value)
		}
	}
}

// actionRun is what a simulated run of the action left.
type actionRun struct {
	failed  bool
	log     string
	outputs map[string]string
}

// runAction runs the action's steps the way the runner runs a composite action's bash steps: each script
// with `bash --noprofile --norc -eo pipefail`, the step's env with its input expressions substituted,
// GITHUB_ACTION_PATH, RUNNER_TEMP and a GITHUB_OUTPUT file, in the workspace; the first failing step ends
// the run. Anything else the runner would evaluate ends the test, so the simulation never silently
// skips part of the action.
func runAction(t *testing.T, action actionFile, actionPath, workspace string, with map[string]string) actionRun {
	t.Helper()
	inputs := map[string]string{}
	for name, in := range action.Inputs {
		inputs[name] = in.Default
	}
	for name, value := range with {
		if _, ok := action.Inputs[name]; !ok {
			t.Fatalf("the action has no input %q", name)
		}
		inputs[name] = value
	}
	runnerTemp := t.TempDir()
	run := actionRun{outputs: map[string]string{}}
	stepOutputs := map[string]map[string]string{}
	for i, step := range action.Runs.Steps {
		if step.Uses != "" || step.If != "" || step.WorkingDirectory != "" || step.Shell != "bash" {
			t.Fatalf("step %d (%s): the simulation runs plain bash steps only", i, step.Name)
		}
		outputFile := filepath.Join(runnerTemp, "output-"+step.ID)
		writeFile(t, outputFile, "")
		script := filepath.Join(runnerTemp, "step.sh")
		writeFile(t, script, step.Run)
		env := []string{"GITHUB_ACTION_PATH=" + actionPath, "RUNNER_TEMP=" + runnerTemp, "GITHUB_OUTPUT=" + outputFile}
		for name, value := range step.Env {
			value = expression.ReplaceAllStringFunc(value, func(expr string) string {
				ref := inputReference.FindStringSubmatch(expression.FindStringSubmatch(expr)[1])
				if ref == nil {
					t.Fatalf("step %d (%s): cannot evaluate %s", i, step.Name, expr)
				}
				return inputs[ref[1]]
			})
			env = append(env, name+"="+value)
		}
		res := runCommand(t, workspace, env, "bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		run.log += res.output
		written, err := os.ReadFile(outputFile)
		if err != nil {
			t.Fatal(err)
		}
		stepOutputs[step.ID] = map[string]string{}
		for line := range strings.Lines(string(written)) {
			name, value, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "=")
			if !ok {
				t.Fatalf("step %d (%s): GITHUB_OUTPUT line %q is not name=value", i, step.Name, line)
			}
			stepOutputs[step.ID][name] = value
		}
		if res.status != 0 {
			run.failed = true
			break
		}
	}
	for name, out := range action.Outputs {
		if ref := outputReference.FindStringSubmatch(strings.TrimSuffix(strings.TrimPrefix(out.Value, "${{"), "}}")); ref != nil {
			run.outputs[name] = stepOutputs[ref[1]][ref[2]]
		}
	}
	return run
}

// TestActionRun runs the action's scripts on a workspace with an insecure account, input by input.
func TestActionRun(t *testing.T) {
	action := readAction(t)
	root := repoRoot(t)
	matcherLine := "::add-matcher::" + filepath.Join(root, ".github", "aigate-problem-matcher.json")
	inLog := compactFinding("error", "AIG201")

	for _, tc := range []struct {
		name       string
		with       map[string]string
		wantFailed bool
		wantExit   string
		check      func(t *testing.T, workspace string, run actionRun)
	}{{
		name:       "the defaults write SARIF for upload-sarif",
		wantFailed: true,
		wantExit:   "1",
		check: func(t *testing.T, workspace string, _ actionRun) {
			type result struct {
				RuleID string `json:"ruleId"`
			}
			var sarif struct {
				Version string `json:"version"`
				Runs    []struct {
					Results []result `json:"results"`
				} `json:"runs"`
			}
			readJSON(t, filepath.Join(workspace, action.Inputs["output"].Default), &sarif)
			isAIG201 := func(r result) bool { return r.RuleID == "AIG201" }
			if sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || !slices.ContainsFunc(sarif.Runs[0].Results, isAIG201) {
				t.Errorf("want a SARIF 2.1.0 run with an AIG201 result: %+v", sarif)
			}
		},
	}, {
		name:       "findings fail the step and are annotated",
		with:       map[string]string{"format": "compact", "output": ""},
		wantFailed: true,
		wantExit:   "1",
		check: func(t *testing.T, _ string, run actionRun) {
			if !inLog.MatchString(run.log) || !strings.Contains(run.log, matcherLine) {
				t.Errorf("want the AIG201 line and %q in the log", matcherLine)
			}
		},
	}, {
		name:     "soft-fail keeps the findings but not the failure",
		with:     map[string]string{"format": "compact", "output": "", "soft-fail": "true"},
		wantExit: "0",
		check: func(t *testing.T, _ string, run actionRun) {
			if !inLog.MatchString(run.log) {
				t.Error("no AIG201 line in the log")
			}
		},
	}, {
		name:     "severity raises the threshold",
		with:     map[string]string{"format": "compact", "output": "", "severity": "critical"},
		wantExit: "0",
	}, {
		name:       "args reach aigate",
		with:       map[string]string{"format": "compact", "output": "", "args": "--include-rules AIG301\n--unknown fail"},
		wantFailed: true,
		wantExit:   "1",
		check: func(t *testing.T, _ string, run actionRun) {
			if inLog.MatchString(run.log) || !compactFinding("warning", "AIG301").MatchString(run.log) {
				t.Error("want only the AIG301 line in the log")
			}
		},
	}, {
		name:       "the report goes to output",
		with:       map[string]string{"format": "compact", "output": "report.txt"},
		wantFailed: true,
		wantExit:   "1",
		check: func(t *testing.T, workspace string, run actionRun) {
			report, err := os.ReadFile(filepath.Join(workspace, "report.txt"))
			if err != nil || !inLog.Match(report) || inLog.MatchString(run.log) {
				t.Errorf("want the AIG201 line in report.txt, not in the log (read: %v):\n%s", err, report)
			}
		},
	}, {
		name: "inputs are data, never shell code",
		with: map[string]string{
			"format": "compact", "output": "", "path": "$(touch path-ran)",
			"args": "$(touch args-ran) `touch args-ran2` *",
		},
		wantFailed: true,
		wantExit:   "2",
		check: func(t *testing.T, workspace string, _ actionRun) {
			created, _ := filepath.Glob(filepath.Join(workspace, "*-ran*"))
			if len(created) > 0 {
				t.Errorf("an input ran as a command: %v", created)
			}
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			workspace := t.TempDir()
			writeFile(t, filepath.Join(workspace, "main.tf"), insecureAccount)
			run := runAction(t, action, root, workspace, tc.with)
			if run.failed != tc.wantFailed || run.outputs["exit-code"] != tc.wantExit {
				t.Fatalf("failed %v with exit-code %q, want %v with %q; log:\n%s",
					run.failed, run.outputs["exit-code"], tc.wantFailed, tc.wantExit, run.log)
			}
			if tc.check != nil {
				tc.check(t, workspace, run)
				if t.Failed() {
					t.Logf("log:\n%s", run.log)
				}
			}
		})
	}
}
