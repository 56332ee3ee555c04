package checks

import (
	"fmt"
	"slices"
	"strings"
)

// Catalog is a set of rules, ordered by ID: the built-in ones, and any loaded at run time. The scan, the
// writers and the suppressions take it as a value, so a rule loaded from a file appears wherever a
// built-in one does.
type Catalog struct {
	rules []*Rule
}

// builtin holds the rules of this package, each registered by its file's init.
var builtin []*Rule

func register(r *Rule) { builtin = append(builtin, r) }

// Builtin returns a catalog of aigate's own rules.
func Builtin() *Catalog {
	c, err := NewCatalog(builtin...)
	if err != nil {
		panic(err) // a rule file of ours repeats an ID or a name: caught by the first test run
	}
	return c
}

// NewCatalog makes a catalog of rules. IDs and names must be unique.
func NewCatalog(rules ...*Rule) (*Catalog, error) {
	c := &Catalog{rules: slices.Clone(rules)}
	slices.SortFunc(c.rules, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	for i := 1; i < len(c.rules); i++ {
		if strings.EqualFold(c.rules[i-1].ID, c.rules[i].ID) {
			return nil, fmt.Errorf("two rules have the ID %s", c.rules[i].ID)
		}
	}
	names := map[string]string{}
	for _, r := range c.rules {
		if other, dup := names[strings.ToLower(r.Name)]; dup && r.Name != "" {
			return nil, fmt.Errorf("rules %s and %s have the same name %q", other, r.ID, r.Name)
		}
		names[strings.ToLower(r.Name)] = r.ID
	}
	return c, nil
}

// With returns a catalog of c's rules and more, such as custom rules loaded from files.
func (c *Catalog) With(more ...*Rule) (*Catalog, error) {
	return NewCatalog(slices.Concat(c.rules, more)...)
}

// Rules returns the rules ordered by ID.
func (c *Catalog) Rules() []*Rule { return slices.Clone(c.rules) }

// Lookup returns the rule with the given ID or name, in any case.
func (c *Catalog) Lookup(idOrName string) (*Rule, bool) {
	for _, r := range c.rules {
		if strings.EqualFold(r.ID, idOrName) || strings.EqualFold(r.Name, idOrName) {
			return r, true
		}
	}
	return nil, false
}
