package config

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
)

// baselineVersion is the version of the baseline file format written, and the only one read.
const baselineVersion = 1

// Baseline is a set of findings recorded as known, so that a scan reports only what is new. A finding is
// known by its rule, file, resource address and property path, never by its line, so the baseline holds
// when lines are added above a finding. Identical keys are counted: a second finding of the same kind on
// the same resource is new.
type Baseline struct {
	root   string
	counts map[baselineKey]int
}

type baselineKey struct {
	Rule     string `json:"rule"`
	File     string `json:"file"`
	Resource string `json:"resource"`
	Property string `json:"property,omitempty"`
}

type baselineEntry struct {
	baselineKey
	Count int `json:"count"`
}

type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

// WriteBaseline records findings as a baseline, with file names relative to root (the folder reports
// are relative to: the repository root) in forward slashes. The output is JSON, sorted, the same for the
// same findings on every run and every system.
func WriteBaseline(w io.Writer, root string, findings []model.Finding) error {
	counts := map[baselineKey]int{}
	for _, f := range findings {
		counts[keyOf(root, f)]++
	}
	file := baselineFile{Version: baselineVersion, Findings: []baselineEntry{}}
	for _, k := range slices.SortedFunc(maps.Keys(counts), compareKeys) {
		file.Findings = append(file.Findings, baselineEntry{baselineKey: k, Count: counts[k]})
	}
	out, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(out, '\n'))
	return err
}

// ReadBaseline reads a baseline that WriteBaseline wrote, whose file names are relative to root. Errors
// point into the file.
func ReadBaseline(path, root string) (*Baseline, hcl.Diagnostics) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read the baseline", Detail: fmt.Sprintf("%v.", err)}}
	}
	lines := newLineIndex(src)
	fail := func(off int, detail string) (*Baseline, hcl.Diagnostics) {
		at := lines.pos(min(max(off, 0), len(src)))
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid baseline", Detail: detail,
			Subject: &hcl.Range{Filename: path, Start: at, End: at}}}
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	var file baselineFile
	if err := dec.Decode(&file); err != nil {
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syntax):
			return fail(int(syntax.Offset)-1, fmt.Sprintf("The file is not valid JSON: %v.", err))
		case errors.As(err, &typ):
			return fail(int(typ.Offset)-1, fmt.Sprintf("%s must be of type %s, not %s.", typ.Field, typ.Type, typ.Value))
		}
		return fail(int(dec.InputOffset()), fmt.Sprintf("The file is not a baseline: %s.", strings.TrimPrefix(err.Error(), "json: ")))
	}
	if file.Version != baselineVersion {
		return fail(bytes.Index(src, []byte(`"version"`)), fmt.Sprintf("This aigate reads baselines of version %d, not %d; create the baseline again with --create-baseline.", baselineVersion, file.Version))
	}
	b := &Baseline{root: root, counts: map[baselineKey]int{}}
	for i, e := range file.Findings {
		if e.Rule == "" || e.File == "" || e.Count < 1 {
			return fail(0, fmt.Sprintf("Entry %d of findings needs a rule, a file and a count of at least 1.", i+1))
		}
		b.counts[e.baselineKey] += e.Count
	}
	return b, nil
}

// Filter returns the findings the baseline does not hold, in their order, and how many it held. Of
// several findings with one key beyond the baseline's count, the later ones are new. A nil Baseline
// holds nothing.
func (b *Baseline) Filter(findings []model.Finding) (fresh []model.Finding, baselined int) {
	if b == nil {
		return findings, 0
	}
	left := maps.Clone(b.counts)
	for _, f := range findings {
		k := keyOf(b.root, f)
		if left[k] > 0 {
			left[k]--
			baselined++
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, baselined
}

func keyOf(root string, f model.Finding) baselineKey {
	file, ok := within(root, f.Range.Filename)
	if !ok {
		file = filepath.ToSlash(absolute(f.Range.Filename))
	}
	return baselineKey{Rule: f.RuleID, File: file, Resource: f.Resource, Property: f.Property}
}

func compareKeys(a, b baselineKey) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Resource, b.Resource),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Property, b.Property),
	)
}
