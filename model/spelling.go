package model

import (
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// Spelling tells how a source language writes ARM property paths and values, so that a check's message
// speaks the user's language without the check knowing which it is.
type Spelling interface {
	// Path returns how the user writes the ARM property path: local_auth_enabled for
	// properties.disableLocalAuth in azurerm, the path itself in ARM and Bicep.
	Path(armPath string) string
	// Value returns how the user writes the ARM value v at armPath: "true" for local_auth_enabled
	// when properties.disableLocalAuth is false.
	Value(armPath string, v cty.Value) string
	// Instruct says what the user writes to give armPath the value v: `set local_auth_enabled = false`,
	// `add a customer_managed_key block`.
	Instruct(armPath string, v cty.Value) string
}

// ARMSpelling writes paths and values as ARM templates, Bicep and azapi bodies do.
type ARMSpelling struct{}

func (ARMSpelling) Path(armPath string) string { return armPath }

func (ARMSpelling) Value(_ string, v cty.Value) string { return JSONText(v) }

func (ARMSpelling) Instruct(armPath string, v cty.Value) string {
	return "set " + armPath + " = " + JSONText(v)
}

// SpellingOf returns the spelling of whatever wrote v: a patch merged into r writes in its own language,
// which need not be r's.
func (r *Resource) SpellingOf(v *Value) Spelling {
	if v != nil && v.spelling != nil {
		return v.spelling
	}
	if r.Spelling != nil {
		return r.Spelling
	}
	return ARMSpelling{}
}

// JSONText renders a known value as JSON, the way ARM templates write it; unknown values render as "?".
func JSONText(v cty.Value) string {
	v, _ = v.UnmarkDeep()
	if !v.IsWhollyKnown() {
		return "?"
	}
	b, err := ctyjson.Marshal(v, v.Type())
	if err != nil {
		return "?"
	}
	return string(b)
}
