package bicep

import (
	"maps"
	"slices"
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// spelling writes ARM paths as Bicep does (the same dotted path) and values as Bicep literals:
// 'Disabled', true, { defaultAction: 'Deny' }.
type spelling struct{}

func (spelling) Path(armPath string) string { return armPath }

func (spelling) Value(_ string, v cty.Value) string { return literal(v) }

func (spelling) Instruct(armPath string, v cty.Value) string {
	return "set " + armPath + ": " + literal(v)
}

// literal writes a value as Bicep source; an unknown value is "?".
func literal(v cty.Value) string {
	v, _ = v.UnmarkDeep()
	switch {
	case !v.IsKnown():
		return "?"
	case v.IsNull():
		return "null"
	case v.Type() == cty.String:
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`, "${", `\${`).Replace(v.AsString()) + "'"
	case v.Type() == cty.Bool:
		if v.True() {
			return "true"
		}
		return "false"
	case v.Type() == cty.Number:
		return v.AsBigFloat().Text('f', -1)
	case isSequence(v.Type()):
		var items []string
		for _, el := range v.AsValueSlice() {
			items = append(items, literal(el))
		}
		return "[" + strings.Join(items, ", ") + "]"
	case isObject(v.Type()):
		attrs := v.AsValueMap()
		var items []string
		for _, k := range slices.Sorted(maps.Keys(attrs)) {
			items = append(items, key(k)+": "+literal(attrs[k]))
		}
		return "{ " + strings.Join(items, ", ") + " }"
	}
	return "?"
}

// key writes an object key: bare when it is an identifier, quoted otherwise.
func key(k string) string {
	for i, r := range k {
		letter := r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || r < '0' || r > '9') {
			return literal(cty.StringVal(k))
		}
	}
	if k == "" {
		return "''"
	}
	return k
}
