// Package config reads what a team tells aigate besides the code: the .aigate.yml file, the
// aigate:ignore directives written in the scanned files, and baseline files of findings already known.
//
// It parses and validates; applying ignores and baselines to the findings of a scan is the scan
// package's job, which knows the rules that ran and the files that were read.
package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
)

// FileName is the name Find looks for.
const FileName = ".aigate.yml"

// Config is a loaded .aigate.yml. The zero value is the absence of one: nothing changed, nothing ignored.
type Config struct {
	// Path is the file it was read from.
	Path string
	// Severity is the lowest severity that fails the run; zero when the file does not say. The
	// --severity flag, when given, wins.
	Severity model.Severity
	// Unknown is what a finding on a value unknown until deployment does: "ignore", "warn" or "fail",
	// or "" when the file does not say. The --unknown flag, when given, wins.
	Unknown string
	// ExcludePaths are globs of paths not to scan, read like --exclude patterns and added to them.
	ExcludePaths []string
	// Rules holds per-rule settings by upper-case rule ID.
	Rules map[string]RuleSettings
	// Ignores suppress findings by rule, file and resource.
	Ignores []Ignore
	// ApprovedModels are the AI models deployments may use.
	ApprovedModels []ApprovedModel
	// CustomRules are globs of custom rule files, relative to the config file's folder.
	CustomRules []string
}

// RuleSettings changes one rule.
type RuleSettings struct {
	// Disabled drops the rule's findings (`enabled: false`).
	Disabled bool
	// Severity replaces the rule's severity in its findings; zero keeps it.
	Severity model.Severity
	// Range is the rule's entry in the config file.
	Range hcl.Range
}

// Ignore is an entry of the config's ignore list: it suppresses one rule's findings in the files its
// path matches and on the resources its resource pattern matches (an empty one matches all).
type Ignore struct {
	Rule string
	// Path is a glob of files, relative to the config file's folder.
	Path string
	// Resource is a resource address in which `*` stands for any run of characters.
	Resource string
	Reason   string
	// Expires is the day the ignore stops applying; zero is never.
	Expires time.Time
	// Range is the entry in the config file, where notices about it point.
	Range hcl.Range

	// base is the folder Path is relative to; path and resource are the compiled patterns.
	base     string
	path     Glob
	resource *regexp.Regexp
}

// Covers reports whether the ignore's path and resource patterns match the finding; the rule and the
// expiry are the caller's to check.
func (ig *Ignore) Covers(f model.Finding) bool {
	if ig.resource != nil && !ig.resource.MatchString(f.Resource) {
		return false
	}
	if ig.Path == "" {
		return true
	}
	rel, ok := within(ig.base, f.Range.Filename)
	return ok && ig.path.Match(rel)
}

// ApprovedModel is a model deployments may use. Format and Version are empty when any will do.
type ApprovedModel struct {
	// Format is the model's publisher format, such as OpenAI.
	Format  string
	Name    string
	Version string
	Range   hcl.Range
}

// Expired reports whether an ignore that expires on the given day (zero: never) no longer applies at
// now. As in tfsec and trivy, `exp:2026-12-31` stops applying on that day, in UTC.
func Expired(expires, now time.Time) bool {
	return !expires.IsZero() && !now.UTC().Before(expires)
}

// dateLayout is how expiry dates are written.
const dateLayout = "2006-01-02"

// ruleIDPattern is the shape of every rule ID, so that a typo is caught even before the catalog is known.
var ruleIDPattern = regexp.MustCompile(`^AIG\d{3}$`)

// Find returns the .aigate.yml that applies to a scan, or "" when there is none: the one in the first
// scanned path (the folder itself, or the folder of a file), else the one in the working directory.
// A --config flag replaces this search.
func Find(scanPaths []string, workdir string) string {
	first := "."
	if len(scanPaths) > 0 {
		first = scanPaths[0]
	}
	dir := first
	if info, err := os.Stat(first); err == nil && !info.IsDir() {
		dir = filepath.Dir(first)
	}
	for _, d := range []string{dir, workdir} {
		candidate := filepath.Join(d, FileName)
		if info, err := os.Stat(candidate); err == nil && info.Mode().IsRegular() {
			return candidate
		}
	}
	return ""
}

// within returns file's path relative to base, with forward slashes, and whether the file lies inside it.
func within(base, file string) (string, bool) {
	rel, err := filepath.Rel(absolute(base), absolute(file))
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	return rel, rel != ".." && !strings.HasPrefix(rel, "../")
}

// absolute makes a path absolute against the working directory; if that cannot be known, relative
// paths still compare with each other.
func absolute(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}
