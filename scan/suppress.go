package scan

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/aigate-dev/aigate/checks"
	"github.com/aigate-dev/aigate/config"
	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/arm"
	"github.com/hashicorp/hcl/v2"
)

// SuppressedFinding is a finding an ignore left out, with the ignore, for writers that list what was
// suppressed and why.
type SuppressedFinding struct {
	Finding model.Finding
	// By is where the ignore is written: a comment, an ARM metadata entry or an .aigate.yml entry.
	By     hcl.Range
	Reason string
}

// ignore is one ignore of any origin, ready to match findings.
type ignore struct {
	rule    string
	reason  string
	expires time.Time
	at      hcl.Range
	covers  func(model.Finding) bool
	// where says what the ignore covers, for the notice that it suppresses nothing.
	where string
	// judgeUse is false where suppressing nothing proves nothing: in a file that did not parse, whose
	// resources were not all judged, and in a module terraform init downloaded, which the user cannot edit.
	judgeUse bool
	used     bool
}

// applyConfig applies what the user said about the findings, in this order: the config's per-rule
// settings, the ignores (written in the scanned files and in the config), then the baseline. rules are
// the rules that ran, out of catalog.
func applyConfig(res *Result, opts Options, catalog *checks.Catalog, rules []*checks.Rule, now time.Time) {
	ran := map[string]bool{}
	for _, r := range rules {
		if !opts.Config.Rules[r.ID].Disabled {
			ran[r.ID] = true
		}
	}
	for id, settings := range opts.Config.Rules {
		if _, ok := catalog.Lookup(id); !ok {
			res.Notices = append(res.Notices, unknownRule(id, settings.Range))
		}
	}
	var findings []model.Finding
	for _, f := range res.Findings {
		if !ran[f.RuleID] {
			continue
		}
		if sev := opts.Config.Rules[f.RuleID].Severity; sev != 0 {
			f.Severity = sev
		}
		findings = append(findings, f)
	}

	ignores, notices := collectIgnores(res, opts.Config)
	res.Notices = append(res.Notices, notices...)
	var active []*ignore
	for _, ig := range ignores {
		switch _, known := catalog.Lookup(ig.rule); {
		case !known:
			res.Notices = append(res.Notices, unknownRule(ig.rule, ig.at))
		case config.Expired(ig.expires, now):
			res.Notices = append(res.Notices, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Expired ignore", Subject: ig.at.Ptr(),
				Detail: fmt.Sprintf("This ignore of %s expired on %s, so what it suppressed is reported again: fix it, or give the ignore a new date and a reason.",
					ig.rule, ig.expires.Format(time.DateOnly))})
		default:
			active = append(active, ig)
		}
	}

	res.Findings = findings[:0]
	for _, f := range findings {
		var by *ignore
		for _, ig := range active {
			if strings.EqualFold(ig.rule, f.RuleID) && ig.covers(f) {
				ig.used = true
				if by == nil {
					by = ig
				}
			}
		}
		if by != nil {
			res.Suppressed = append(res.Suppressed, SuppressedFinding{Finding: f, By: by.at, Reason: by.reason})
			continue
		}
		res.Findings = append(res.Findings, f)
	}
	for _, ig := range active {
		if !ig.used && ig.judgeUse && ran[ig.rule] {
			res.Notices = append(res.Notices, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Unused ignore", Subject: ig.at.Ptr(),
				Detail: fmt.Sprintf("No %s finding is %s, so this ignore suppresses nothing; remove it, or it will hide a later finding nobody has looked at.", ig.rule, ig.where)})
		}
	}
	res.Findings, res.Baselined = opts.Baseline.Filter(res.Findings)
	// Every notice has a Subject: it points at an ignore or at a config entry.
	slices.SortStableFunc(res.Notices, func(a, b *hcl.Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Subject.Filename, b.Subject.Filename),
			cmp.Compare(a.Subject.Start.Byte, b.Subject.Start.Byte),
			cmp.Compare(a.Summary, b.Summary),
		)
	})
}

func unknownRule(id string, at hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Unknown rule", Subject: at.Ptr(),
		Detail: fmt.Sprintf("No rule is called %s, so this has no effect; aigate rules lists the rules.", id)}
}

// collectIgnores gathers the ignores written in the scanned files and in the config, in a fixed order:
// files by name, then the config's. Malformed ones are notices instead.
func collectIgnores(res *Result, cfg config.Config) ([]*ignore, hcl.Diagnostics) {
	var ignores []*ignore
	var notices hcl.Diagnostics
	brokenFiles, brokenDirs := map[string]bool{}, map[string]bool{}
	for _, d := range res.Diagnostics {
		if d.Severity == hcl.DiagError && d.Subject != nil {
			brokenFiles[d.Subject.Filename] = true
			brokenDirs[filepath.Dir(d.Subject.Filename)] = true
		}
	}
	for _, name := range slices.Sorted(maps.Keys(res.Sources)) {
		src := res.Sources[name]
		if !bytes.Contains(src, []byte("aigate")) {
			continue
		}
		// Terraform reads a folder as one configuration: a broken file leaves its neighbours unjudged.
		broken := brokenFiles[name] || strings.HasSuffix(name, ".tf") && brokenDirs[filepath.Dir(name)]
		judgeUse := !broken && !underTerraformDir(name)
		var resources map[int]*arm.Node
		if isARMTemplate(name) {
			var metadata []*ignore
			resources, metadata, notices = armResources(name, src, notices)
			for _, ig := range metadata {
				ig.judgeUse = judgeUse
			}
			ignores = append(ignores, metadata...)
		}
		directives, diags := config.CommentDirectives(name, src)
		notices = append(notices, diags...)
		for _, d := range directives {
			ignores = append(ignores, &ignore{
				rule: d.Rule, reason: d.Reason, expires: d.Expires, at: d.Range, judgeUse: judgeUse,
				covers: func(f model.Finding) bool { return anchoredAt(f, name, d.Line, resources) },
				where:  fmt.Sprintf("on line %d or on a resource declared there", d.Line),
			})
		}
	}
	for _, ig := range cfg.Ignores {
		ignores = append(ignores, &ignore{
			rule: ig.Rule, reason: ig.Reason, expires: ig.Expires, at: ig.Range, judgeUse: !res.Diagnostics.HasErrors(),
			covers: ig.Covers,
			where:  "in the files and resources this entry names",
		})
	}
	return ignores, notices
}

// anchoredAt reports whether an ignore comment that covers a line of file covers the finding: when the
// finding lands on that line, or its resource is declared there (the resource header, or for ARM the
// { that opens the resource).
func anchoredAt(f model.Finding, file string, line int, armResources map[int]*arm.Node) bool {
	if f.Range.Filename == file && f.Range.Start.Line == line {
		return true
	}
	header := f.ResourceRange
	if header.Filename != file {
		return false
	}
	if header.Start.Line == line {
		return true
	}
	obj := armResources[header.Start.Byte]
	return obj != nil && obj.Range.Start.Line == line
}

func isARMTemplate(name string) bool {
	return strings.HasSuffix(name, ".json") && !strings.HasSuffix(name, ".tf.json")
}

// armResources reads an ARM template again, with positions, for what the model does not keep: the
// objects that declare resources, by the offset of their "type" member (where the ARM front end puts a
// resource's header), and the ignores in their metadata.aigate.ignore lists.
func armResources(name string, src []byte, notices hcl.Diagnostics) (map[int]*arm.Node, []*ignore, hcl.Diagnostics) {
	root, _ := arm.ParseJSON(src, name) // the ARM front end has reported any syntax error
	resources := map[int]*arm.Node{}
	var ignores []*ignore
	var walk func(n *arm.Node)
	walk = func(n *arm.Node) {
		for _, e := range n.Elems {
			walk(e)
		}
		for _, m := range n.Members {
			walk(m.Value)
		}
		i := slices.IndexFunc(n.Members, func(m arm.Member) bool { return strings.EqualFold(m.Name, "type") })
		if n.Kind != arm.Object || i < 0 {
			return
		}
		header := n.Members[i].NameRange.Start.Byte
		resources[header] = n
		list := n.Path("metadata.aigate.ignore")
		if list == nil {
			return
		}
		if list.Kind != arm.Array {
			notices = append(notices, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Malformed ignore", Subject: list.Range.Ptr(),
				Detail: `metadata.aigate.ignore is a list of strings, such as ["AIG201 -- reason"]. It suppresses nothing.`})
			return
		}
		for _, e := range list.Elems {
			if e.Kind != arm.String {
				notices = append(notices, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Malformed ignore", Subject: e.Range.Ptr(),
					Detail: `An entry of metadata.aigate.ignore is a string, such as "AIG201 -- reason". It suppresses nothing.`})
				continue
			}
			d, diag := config.ParseDirective(e.Text, e.Range)
			if diag != nil {
				notices = append(notices, diag)
				continue
			}
			ignores = append(ignores, &ignore{
				rule: d.Rule, reason: d.Reason, expires: d.Expires, at: d.Range,
				covers: func(f model.Finding) bool {
					return f.ResourceRange.Filename == name && f.ResourceRange.Start.Byte == header
				},
				where: "on this resource",
			})
		}
	}
	if root != nil {
		walk(root)
	}
	return resources, ignores, notices
}
