package model

import (
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// SpellPath returns how the user writes an ARM property path in this resource's language.
func (r *Resource) SpellPath(armPath string) string {
	if r.Spelling == nil {
		return armPath
	}
	return r.Spelling.Path(armPath)
}

// SpellValue returns how the user writes the ARM value v at armPath in this resource's language.
func (r *Resource) SpellValue(armPath string, v cty.Value) string {
	if r.Spelling == nil {
		return JSONText(v)
	}
	return r.Spelling.Value(armPath, v)
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
