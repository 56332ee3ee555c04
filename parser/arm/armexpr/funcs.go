package armexpr

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"

	"github.com/aigate-dev/aigate/model"
)

// A few hundred characters of expression can make functions build gigabytes: format('{0}{0}', ...) or
// replace() nested, padLeft(), range(). Past these sizes, which no real template needs, the result is
// unknown instead.
const (
	maxString = 1 << 20
	maxElems  = 1 << 16
	// maxRange is ARM's own limit on range()'s count.
	maxRange = 10000
)

// function is one ARM function. Exactly one of known, raw, scoped and lazy is set.
type function struct {
	min int
	// max is -1 for a function that takes any number of arguments.
	max int
	// pairs requires an even number of arguments.
	pairs bool
	// ret is the type of the function's unknown result.
	ret cty.Type
	// known computes the result from wholly known, unmarked arguments (see applyKnown).
	known func(args []cty.Value) (cty.Value, bool)
	// raw computes the result from the arguments as evaluated, unknown parts and marks included.
	raw func(args []cty.Value) cty.Value
	// scoped is raw for a function that also asks the scope, which is nil outside a template.
	scoped func(scope Scope, args []cty.Value) cty.Value
	// lazy evaluates the arguments itself.
	lazy func(ev *evaluator, args []Expr) cty.Value
}

// checkArity returns what is wrong with calling the function name with n arguments, or "".
func (f *function) checkArity(name string, n int) string {
	switch {
	case f.pairs && n%2 != 0:
		return fmt.Sprintf("%s takes an even number of arguments, got %d", name, n)
	case n >= f.min && (f.max < 0 || n <= f.max):
		return ""
	case f.max < 0:
		return fmt.Sprintf("%s takes at least %s, got %d", name, arguments(f.min), n)
	case f.min == f.max:
		return fmt.Sprintf("%s takes %s, got %d", name, arguments(f.min), n)
	}
	return fmt.Sprintf("%s takes %d to %s, got %d", name, f.min, arguments(f.max), n)
}

func arguments(n int) string {
	if n == 1 {
		return "1 argument"
	}
	return strconv.Itoa(n) + " arguments"
}

// listFunction is every list{Value} function: listKeys, listSecrets and the rest.
var listFunction = &function{min: 2, max: 3, ret: cty.DynamicPseudoType, scoped: referenceFunc}

// functions are ARM's functions by lower-case name, but for the list* functions (see listFunction).
var functions = withDefaults(map[string]*function{
	// Scope and logic.
	"parameters":      {min: 1, max: 1, lazy: input("parameter", Scope.Parameter)},
	"variables":       {min: 1, max: 1, lazy: input("variable", Scope.Variable)},
	"copyindex":       {min: 0, max: 2, ret: cty.Number, lazy: copyIndex},
	"if":              {min: 3, max: 3, lazy: ifFunc},
	"and":             {min: 2, max: -1, ret: cty.Bool, raw: logic(false)},
	"or":              {min: 2, max: -1, ret: cty.Bool, raw: logic(true)},
	"not":             {min: 1, max: 1, ret: cty.Bool, known: not},
	"coalesce":        {min: 1, max: -1, raw: coalesce},
	"equals":          {min: 2, max: 2, ret: cty.Bool, raw: equals},
	"less":            {min: 2, max: 2, ret: cty.Bool, known: comparison(func(c int) bool { return c < 0 })},
	"lessorequals":    {min: 2, max: 2, ret: cty.Bool, known: comparison(func(c int) bool { return c <= 0 })},
	"greater":         {min: 2, max: 2, ret: cty.Bool, known: comparison(func(c int) bool { return c > 0 })},
	"greaterorequals": {min: 2, max: 2, ret: cty.Bool, known: comparison(func(c int) bool { return c >= 0 })},
	"true":            {min: 0, max: 0, ret: cty.Bool, known: constant(cty.True)},
	"false":           {min: 0, max: 0, ret: cty.Bool, known: constant(cty.False)},
	"null":            {min: 0, max: 0, known: constant(cty.NullVal(cty.DynamicPseudoType))},

	// Strings.
	"concat":               {min: 1, max: -1, raw: concat},
	"format":               {min: 1, max: -1, ret: cty.String, known: format},
	"tolower":              {min: 1, max: 1, ret: cty.String, known: stringFunc(strings.ToLower)},
	"toupper":              {min: 1, max: 1, ret: cty.String, known: stringFunc(strings.ToUpper)},
	"trim":                 {min: 1, max: 1, ret: cty.String, known: stringFunc(strings.TrimSpace)},
	"startswith":           {min: 2, max: 2, ret: cty.Bool, known: startsWith},
	"endswith":             {min: 2, max: 2, ret: cty.Bool, known: endsWith},
	"indexof":              {min: 2, max: 2, ret: cty.Number, known: indexOf(strings.Index)},
	"lastindexof":          {min: 2, max: 2, ret: cty.Number, known: indexOf(strings.LastIndex)},
	"split":                {min: 2, max: 2, known: split},
	"replace":              {min: 3, max: 3, ret: cty.String, known: replace},
	"substring":            {min: 1, max: 3, ret: cty.String, known: substring},
	"padleft":              {min: 2, max: 3, ret: cty.String, known: padLeft},
	"join":                 {min: 2, max: 2, ret: cty.String, known: join},
	"string":               {min: 1, max: 1, ret: cty.String, known: toString},
	"base64":               {min: 1, max: 1, ret: cty.String, known: stringFunc(encodeBase64)},
	"base64tostring":       {min: 1, max: 1, ret: cty.String, known: base64ToString},
	"base64tojson":         {min: 1, max: 1, known: base64ToJSON},
	"datauri":              {min: 1, max: 1, ret: cty.String, known: stringFunc(dataURI)},
	"datauritostring":      {min: 1, max: 1, ret: cty.String, known: dataURIToString},
	"uri":                  {min: 2, max: 2, ret: cty.String, known: uri},
	"uricomponent":         {min: 1, max: 1, ret: cty.String, known: stringFunc(uriComponent)},
	"uricomponenttostring": {min: 1, max: 1, ret: cty.String, known: uriComponentToString},
	"uniquestring":         {min: 1, max: -1, ret: cty.String, raw: unknownString},
	"guid":                 {min: 1, max: -1, ret: cty.String, raw: unknownString},
	"newguid":              {min: 0, max: 0, ret: cty.String, raw: unknownString},
	"utcnow":               {min: 0, max: 1, ret: cty.String, raw: unknownString},

	// Conversions.
	"int":   {min: 1, max: 1, ret: cty.Number, known: toInteger},
	"float": {min: 1, max: 1, ret: cty.Number, known: toFloat},
	"bool":  {min: 1, max: 1, ret: cty.Bool, known: toBool},
	"json":  {min: 1, max: 1, known: jsonFunc},

	// Arrays and objects.
	"createarray":  {min: 0, max: -1, raw: tuple},
	"createobject": {min: 0, max: -1, pairs: true, raw: createObject},
	"array":        {min: 1, max: 1, raw: array},
	"length":       {min: 1, max: 1, ret: cty.Number, raw: length},
	"empty":        {min: 1, max: 1, ret: cty.Bool, raw: empty},
	"contains":     {min: 2, max: 2, ret: cty.Bool, raw: contains},
	"first":        {min: 1, max: 1, raw: firstOrLast(false)},
	"last":         {min: 1, max: 1, raw: firstOrLast(true)},
	"take":         {min: 2, max: 2, raw: takeOrSkip(true)},
	"skip":         {min: 2, max: 2, raw: takeOrSkip(false)},
	"union":        {min: 1, max: -1, raw: union},
	"shallowmerge": {min: 1, max: 1, raw: shallowMerge},
	"intersection": {min: 1, max: -1, raw: intersection},
	"items":        {min: 1, max: 1, raw: items},
	"objectkeys":   {min: 1, max: 1, raw: objectKeys},
	"tryget":       {min: 2, max: -1, raw: tryGet},
	"range":        {min: 2, max: 2, known: rangeFunc},

	// Numbers.
	"min": {min: 1, max: -1, ret: cty.Number, known: extreme(-1)},
	"max": {min: 1, max: -1, ret: cty.Number, known: extreme(1)},
	"add": {min: 2, max: 2, ret: cty.Number, known: arithmetic(add)},
	"sub": {min: 2, max: 2, ret: cty.Number, known: arithmetic(sub)},
	"mul": {min: 2, max: 2, ret: cty.Number, known: arithmetic(mul)},
	"div": {min: 2, max: 2, ret: cty.Number, known: arithmetic(div)},
	"mod": {min: 2, max: 2, ret: cty.Number, known: arithmetic(mod)},

	// Deployment: only known once deploying.
	"subscription":    {min: 0, max: 0, known: constant(subscriptionVal)},
	"resourcegroup":   {min: 0, max: 0, known: constant(resourceGroupVal)},
	"deployment":      {min: 0, max: 0, known: constant(deploymentVal)},
	"environment":     {min: 0, max: 0, raw: unknownAny},
	"tenant":          {min: 0, max: 0, raw: unknownAny},
	"managementgroup": {min: 0, max: 1, raw: unknownAny},

	// Resources.
	"resourceid":                {min: 2, max: -1, ret: cty.String, raw: resourceID(0, 2)},
	"subscriptionresourceid":    {min: 2, max: -1, ret: cty.String, raw: resourceID(0, 1)},
	"managementgroupresourceid": {min: 2, max: -1, ret: cty.String, raw: resourceID(0, 1)},
	"tenantresourceid":          {min: 2, max: -1, ret: cty.String, raw: resourceID(0, 0)},
	"extensionresourceid":       {min: 3, max: -1, ret: cty.String, raw: resourceID(1, 0)},
	"reference":                 {min: 1, max: 3, scoped: referenceFunc},
})

// withDefaults gives the functions whose unknown result has no particular type cty.DynamicPseudoType.
func withDefaults(functions map[string]*function) map[string]*function {
	for _, f := range functions {
		if f.ret == cty.NilType {
			f.ret = cty.DynamicPseudoType
		}
	}
	return functions
}

var (
	unknownStr = cty.UnknownVal(cty.String)

	subscriptionVal = cty.ObjectVal(map[string]cty.Value{
		"id":             unknownStr,
		"subscriptionId": unknownStr,
		"tenantId":       unknownStr,
		"displayName":    unknownStr,
	})
	resourceGroupVal = cty.ObjectVal(map[string]cty.Value{
		"id":         unknownStr,
		"name":       unknownStr,
		"type":       cty.StringVal("Microsoft.Resources/resourceGroups"),
		"location":   unknownStr,
		"tags":       cty.DynamicVal,
		"properties": cty.ObjectVal(map[string]cty.Value{"provisioningState": unknownStr}),
	})
	deploymentVal = cty.ObjectVal(map[string]cty.Value{
		"name":       unknownStr,
		"properties": cty.DynamicVal,
	})
)

func constant(v cty.Value) func([]cty.Value) (cty.Value, bool) {
	return func([]cty.Value) (cty.Value, bool) { return v, true }
}

func unknownString(args []cty.Value) cty.Value { return unknownOf(cty.String, args...) }

func unknownAny(args []cty.Value) cty.Value { return unknownOf(cty.DynamicPseudoType, args...) }

// input makes parameters() and variables(): a name the scope does not declare is the user's mistake.
func input(what string, get func(Scope, string) (cty.Value, bool)) func(*evaluator, []Expr) cty.Value {
	return func(ev *evaluator, args []Expr) cty.Value {
		arg := args[0].eval(ev)
		name, ok := str(arg)
		if !ok {
			return unknownOf(cty.DynamicPseudoType, arg)
		}
		v, ok := get(ev.scope, name)
		if !ok {
			ev.errorf("%s %q is not declared", what, name)
			return unknownOf(cty.DynamicPseudoType, arg)
		}
		return v.WithMarks(marksOf(arg))
	}
}

// copyIndex has four forms: copyIndex(), copyIndex(offset), copyIndex('loop'), copyIndex('loop', offset).
func copyIndex(ev *evaluator, exprs []Expr) cty.Value {
	args, marks := unmarkAll(ev.evalAll(exprs))
	unknown := cty.UnknownVal(cty.Number).WithMarks(marks)
	loop, offset := "", int64(0)
	if len(args) > 0 && args[0].IsKnown() && args[0].Type() == cty.String {
		name, ok := str(args[0])
		if !ok {
			return unknown
		}
		loop, args = name, args[1:]
	}
	switch len(args) {
	case 0:
	case 1:
		n, ok := toInt(args[0])
		if !ok {
			return unknown
		}
		offset = n
	default:
		return unknown
	}
	i, ok := ev.scope.CopyIndex(loop)
	if !ok {
		return unknown
	}
	return cty.NumberIntVal(int64(i)).Add(cty.NumberIntVal(offset)).WithMarks(marks)
}

// ifFunc evaluates only the branch a known condition picks, as ARM does: the other may refer to a
// resource that the condition says is not deployed.
func ifFunc(ev *evaluator, args []Expr) cty.Value {
	cond := args[0].eval(ev)
	c, marks := cond.UnmarkDeep()
	if c.IsKnown() && !c.IsNull() && c.Type() == cty.Bool {
		chosen := args[2]
		if c.True() {
			chosen = args[1]
		}
		return chosen.eval(ev).WithMarks(marks)
	}
	a, b := args[1].eval(ev), args[2].eval(ev)
	ty := cty.DynamicPseudoType
	if !c.IsKnown() && a.Type().Equals(b.Type()) {
		ty = a.Type()
	}
	return unknownOf(ty, cond, a, b)
}

// logic makes and (decisive false) and or (decisive true): one known decisive argument settles the
// result, whatever the others are.
func logic(decisive bool) func([]cty.Value) cty.Value {
	return func(args []cty.Value) cty.Value {
		unknown := false
		for _, arg := range args {
			v, marks := arg.UnmarkDeep()
			switch {
			case !v.IsKnown():
				unknown = true
			case v.IsNull() || v.Type() != cty.Bool:
				return unknownOf(cty.Bool, args...)
			case v.True() == decisive:
				return cty.BoolVal(decisive).WithMarks(marks)
			}
		}
		if unknown {
			return unknownOf(cty.Bool, args...)
		}
		return cty.BoolVal(!decisive).WithMarks(marksOf(args...))
	}
}

func not(args []cty.Value) (cty.Value, bool) {
	if args[0].IsNull() || args[0].Type() != cty.Bool {
		return cty.NilVal, false
	}
	return args[0].Not(), true
}

// coalesce returns the first argument that is not null. An unknown one before it may be null or not, so
// the result may be any of the arguments from there on.
func coalesce(args []cty.Value) cty.Value {
	marks := make(cty.ValueMarks)
	for i, arg := range args {
		v, m := arg.Unmark()
		if !v.IsKnown() {
			return unknownOf(cty.DynamicPseudoType, args[i:]...).WithMarks(marks)
		}
		if !v.IsNull() {
			return arg.WithMarks(marks)
		}
		for mark := range m {
			marks[mark] = struct{}{}
		}
	}
	return cty.NullVal(cty.DynamicPseudoType).WithMarks(marks)
}

func equals(args []cty.Value) cty.Value {
	plain, marks := unmarkAll(args)
	eq, known := equal(plain[0], plain[1])
	if !known {
		return cty.UnknownVal(cty.Bool).WithMarks(marks)
	}
	return cty.BoolVal(eq).WithMarks(marks)
}

func comparison(holds func(c int) bool) func([]cty.Value) (cty.Value, bool) {
	return func(args []cty.Value) (cty.Value, bool) {
		a, b := args[0], args[1]
		if a.IsNull() || b.IsNull() || !a.Type().Equals(b.Type()) {
			return cty.NilVal, false
		}
		switch a.Type() {
		case cty.Number:
			return cty.BoolVal(holds(a.AsBigFloat().Cmp(b.AsBigFloat()))), true
		case cty.String:
			return cty.BoolVal(holds(strings.Compare(a.AsString(), b.AsString()))), true
		}
		return cty.NilVal, false
	}
}

// concat joins strings, or arrays: ARM rejects a mix. Numbers and booleans join strings in their .NET
// spelling, as in concat('vm', copyIndex()).
func concat(args []cty.Value) cty.Value {
	arrays, scalars := false, false
	for _, arg := range args {
		switch kindOf(arg.Type()) {
		case arrayKind:
			arrays = true
		case stringKind, numberKind, boolKind:
			scalars = true
		}
	}
	switch {
	case scalars && !arrays:
		return applyKnown(cty.String, concatStrings, args)
	case !arrays || scalars:
		return unknownOf(cty.DynamicPseudoType, args...)
	}
	var elems []cty.Value
	marks := make(cty.ValueMarks)
	for _, arg := range args {
		v, m := arg.Unmark()
		if !v.IsKnown() || v.IsNull() || kindOf(v.Type()) != arrayKind {
			return unknownOf(cty.DynamicPseudoType, args...)
		}
		elems = append(elems, v.AsValueSlice()...)
		for mark := range m {
			marks[mark] = struct{}{}
		}
	}
	return tuple(elems).WithMarks(marks)
}

func concatStrings(args []cty.Value) (cty.Value, bool) {
	var b strings.Builder
	for _, arg := range args {
		s, ok := scalarText(arg)
		if !ok || b.Len()+len(s) > maxString {
			return cty.NilVal, false
		}
		b.WriteString(s)
	}
	return cty.StringVal(b.String()), true
}

// format is .NET's String.Format: {index[,alignment][:formatString]} items, {{ and }} for braces. Of the
// format strings, those for numbers that templates use (D, X, N, F) are known; any other makes the result
// unknown.
func format(args []cty.Value) (cty.Value, bool) {
	f, ok := str(args[0])
	if !ok {
		return cty.NilVal, false
	}
	var b strings.Builder
	for i := 0; i < len(f); {
		switch c := f[i]; {
		case (c == '{' || c == '}') && i+1 < len(f) && f[i+1] == c:
			b.WriteByte(c)
			i += 2
		case c == '}':
			return cty.NilVal, false
		case c == '{':
			end := strings.IndexByte(f[i:], '}')
			if end < 0 {
				return cty.NilVal, false
			}
			text, ok := formatItem(f[i+1:i+end], args[1:])
			if !ok || b.Len()+len(text) > maxString {
				return cty.NilVal, false
			}
			b.WriteString(text)
			i += end + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	return cty.StringVal(b.String()), true
}

func formatItem(item string, args []cty.Value) (string, bool) {
	item, layout, _ := strings.Cut(item, ":")
	indexText, widthText, aligned := strings.Cut(item, ",")
	i, err := strconv.Atoi(strings.TrimSpace(indexText))
	if err != nil || i < 0 || i >= len(args) {
		return "", false
	}
	text, ok := formatValue(args[i], layout)
	if !ok || !aligned {
		return text, ok
	}
	width, err := strconv.Atoi(strings.TrimSpace(widthText))
	if err != nil || width > maxString || width < -maxString {
		return "", false
	}
	// A positive width aligns right, a negative one left.
	if pad := max(width, -width) - utf8.RuneCountInString(text); pad > 0 && width > 0 {
		text = strings.Repeat(" ", pad) + text
	} else if pad > 0 {
		text += strings.Repeat(" ", pad)
	}
	return text, true
}

func formatValue(v cty.Value, layout string) (string, bool) {
	if layout == "" || v.IsNull() || v.Type() != cty.Number {
		// .NET ignores the format string of a value that is not a number.
		return scalarText(v)
	}
	n := v.AsBigFloat()
	precision := -1
	if len(layout) > 1 {
		p, err := strconv.Atoi(layout[1:])
		if err != nil || p < 0 || p > 1000 {
			return "", false
		}
		precision = p
	}
	switch layout[0] {
	case 'D', 'd', 'X', 'x':
		hex := layout[0] == 'X' || layout[0] == 'x'
		i, acc := n.Int(nil)
		// .NET writes a negative number in hexadecimal as the two's complement of its type, which a
		// cty number does not have.
		if acc != big.Exact || hex && i.Sign() < 0 {
			return "", false
		}
		base := 10
		if hex {
			base = 16
		}
		digits := new(big.Int).Abs(i).Text(base)
		if layout[0] == 'X' {
			digits = strings.ToUpper(digits)
		}
		if len(digits) < precision {
			digits = strings.Repeat("0", precision-len(digits)) + digits
		}
		if i.Sign() < 0 {
			digits = "-" + digits
		}
		return digits, true
	}
	decimals := precision
	if decimals < 0 {
		decimals = 2 // .NET's default for N and F in the invariant culture
	}
	switch layout[0] {
	case 'N', 'n':
		return groupThousands(n.Text('f', decimals)), true
	case 'F', 'f':
		return n.Text('f', decimals), true
	}
	return "", false
}

// groupThousands puts commas between the thousands of a decimal number, as .NET's N format does.
func groupThousands(s string) string {
	var b strings.Builder
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		b.WriteByte('-')
		s = rest
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

func stringFunc(f func(string) string) func([]cty.Value) (cty.Value, bool) {
	return func(args []cty.Value) (cty.Value, bool) {
		s, ok := str(args[0])
		if !ok {
			return cty.NilVal, false
		}
		return cty.StringVal(f(s)), true
	}
}

// twoStrings are the two string arguments of a known function.
func twoStrings(args []cty.Value) (a, b string, ok bool) {
	a, okA := str(args[0])
	b, okB := str(args[1])
	return a, b, okA && okB
}

// upper folds case as .NET's OrdinalIgnoreCase does, one character to one character, so that character
// offsets in the result are offsets in s.
func upper(s string) string { return strings.Map(unicode.ToUpper, s) }

// startsWith, endsWith, indexOf and lastIndexOf ignore case in ARM; contains does not.
func startsWith(args []cty.Value) (cty.Value, bool) {
	s, prefix, ok := twoStrings(args)
	return cty.BoolVal(strings.HasPrefix(upper(s), upper(prefix))), ok
}

func endsWith(args []cty.Value) (cty.Value, bool) {
	s, suffix, ok := twoStrings(args)
	return cty.BoolVal(strings.HasSuffix(upper(s), upper(suffix))), ok
}

func indexOf(find func(s, substr string) int) func([]cty.Value) (cty.Value, bool) {
	return func(args []cty.Value) (cty.Value, bool) {
		s, substr, ok := twoStrings(args)
		if !ok {
			return cty.NilVal, false
		}
		s = upper(s)
		i := find(s, upper(substr))
		if i > 0 {
			i = utf8.RuneCountInString(s[:i])
		}
		return cty.NumberIntVal(int64(i)), true
	}
}

// split splits at any of the delimiters, as .NET's String.Split(string[], None): at each position the
// first delimiter in the list that matches wins.
func split(args []cty.Value) (cty.Value, bool) {
	s, ok := str(args[0])
	if !ok {
		return cty.NilVal, false
	}
	var seps []string
	if sep, ok := str(args[1]); ok {
		seps = []string{sep}
	} else {
		if args[1].IsNull() || kindOf(args[1].Type()) != arrayKind {
			return cty.NilVal, false
		}
		for _, e := range args[1].AsValueSlice() {
			sep, ok := str(e)
			if !ok {
				return cty.NilVal, false
			}
			seps = append(seps, sep)
		}
	}
	seps = slices.DeleteFunc(seps, func(sep string) bool { return sep == "" })
	if len(seps) == 0 {
		// .NET then splits at white space, which ARM templates do not rely on.
		return cty.NilVal, false
	}
	parts := splitAny(s, seps)
	if len(parts) > maxElems {
		return cty.NilVal, false
	}
	elems := make([]cty.Value, len(parts))
	for i, p := range parts {
		elems[i] = cty.StringVal(p)
	}
	return tuple(elems), true
}

func splitAny(s string, seps []string) []string {
	// next[j] is where seps[j] next occurs at or after start, -1 for nowhere; searching again only once
	// start has passed it keeps the whole split linear in len(s) for each delimiter.
	next := make([]int, len(seps))
	for j, sep := range seps {
		next[j] = strings.Index(s, sep)
	}
	var parts []string
	start := 0
	for {
		best := -1
		for j, sep := range seps {
			if next[j] >= 0 && next[j] < start {
				if i := strings.Index(s[start:], sep); i >= 0 {
					next[j] = start + i
				} else {
					next[j] = -1
				}
			}
			if next[j] >= 0 && (best < 0 || next[j] < next[best]) {
				best = j
			}
		}
		if best < 0 {
			return append(parts, s[start:])
		}
		parts = append(parts, s[start:next[best]])
		start = next[best] + len(seps[best])
	}
}

func replace(args []cty.Value) (cty.Value, bool) {
	s, old, ok := twoStrings(args)
	repl, okRepl := str(args[2])
	if !ok || !okRepl || old == "" {
		return cty.NilVal, false
	}
	if n := strings.Count(s, old); len(s)+n*(len(repl)-len(old)) > maxString {
		return cty.NilVal, false
	}
	return cty.StringVal(strings.ReplaceAll(s, old, repl)), true
}

// substring(s, [start], [length]) fails, as .NET's does, when the range is not within s.
func substring(args []cty.Value) (cty.Value, bool) {
	s, ok := str(args[0])
	if !ok {
		return cty.NilVal, false
	}
	runes := []rune(s)
	start, length := int64(0), int64(-1)
	if len(args) > 1 {
		if start, ok = toInt(args[1]); !ok {
			return cty.NilVal, false
		}
	}
	if len(args) > 2 {
		if length, ok = toInt(args[2]); !ok || length < 0 {
			return cty.NilVal, false
		}
	}
	n := int64(len(runes))
	if length < 0 {
		length = n - start
	}
	if start < 0 || start > n || length > n-start {
		return cty.NilVal, false
	}
	return cty.StringVal(string(runes[start : start+length])), true
}

func padLeft(args []cty.Value) (cty.Value, bool) {
	var s string
	switch kindOf(args[0].Type()) {
	case stringKind, numberKind:
		s, _ = scalarText(args[0])
	default:
		return cty.NilVal, false
	}
	total, ok := toInt(args[1])
	if !ok || total > maxString {
		return cty.NilVal, false
	}
	pad := " "
	if len(args) > 2 {
		if pad, ok = str(args[2]); !ok || utf8.RuneCountInString(pad) != 1 {
			return cty.NilVal, false
		}
	}
	if n := int64(utf8.RuneCountInString(s)); n < total {
		s = strings.Repeat(pad, int(total-n)) + s
	}
	return cty.StringVal(s), true
}

func join(args []cty.Value) (cty.Value, bool) {
	sep, ok := str(args[1])
	if !ok || args[0].IsNull() || kindOf(args[0].Type()) != arrayKind {
		return cty.NilVal, false
	}
	var b strings.Builder
	for i, e := range args[0].AsValueSlice() {
		s, ok := scalarText(e)
		if !ok || b.Len()+len(sep)+len(s) > maxString {
			return cty.NilVal, false
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	return cty.StringVal(b.String()), true
}

// toString is string(): strings stay as they are, objects and arrays become JSON.
func toString(args []cty.Value) (cty.Value, bool) {
	v := args[0]
	if k := kindOf(v.Type()); !v.IsNull() && (k == arrayKind || k == objectKind) {
		s, ok := jsonText(v)
		return cty.StringVal(s), ok
	}
	s, ok := scalarText(v)
	return cty.StringVal(s), ok
}

func encodeBase64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func decodeBase64(args []cty.Value) (string, bool) {
	s, ok := str(args[0])
	if !ok {
		return "", false
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", false
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), true
}

func base64ToString(args []cty.Value) (cty.Value, bool) {
	s, ok := decodeBase64(args)
	return cty.StringVal(s), ok
}

func base64ToJSON(args []cty.Value) (cty.Value, bool) {
	s, ok := decodeBase64(args)
	if !ok {
		return cty.NilVal, false
	}
	return parseJSON(s)
}

func dataURI(s string) string { return "data:text/plain;charset=utf8;base64," + encodeBase64(s) }

func dataURIToString(args []cty.Value) (cty.Value, bool) {
	s, ok := str(args[0])
	if !ok || !strings.HasPrefix(s, "data:") {
		return cty.NilVal, false
	}
	meta, data, ok := strings.Cut(s[len("data:"):], ",")
	if !ok {
		return cty.NilVal, false
	}
	var b []byte
	var err error
	if strings.HasSuffix(meta, ";base64") {
		b, err = base64.StdEncoding.DecodeString(data)
	} else {
		var text string
		text, err = url.PathUnescape(data)
		b = []byte(text)
	}
	if err != nil {
		return cty.NilVal, false
	}
	return cty.StringVal(strings.ToValidUTF8(string(b), "\uFFFD")), true
}

// uri resolves a relative URI against a base as .NET's Uri(Uri, string) does: a base that does not end
// with "/" loses its last segment.
func uri(args []cty.Value) (cty.Value, bool) {
	baseText, rel, ok := twoStrings(args)
	if !ok {
		return cty.NilVal, false
	}
	base, err := url.Parse(baseText)
	if err != nil || !base.IsAbs() {
		return cty.NilVal, false
	}
	ref, err := url.Parse(rel)
	if err != nil {
		return cty.NilVal, false
	}
	return cty.StringVal(base.ResolveReference(ref).String()), true
}

// uriComponent escapes as .NET's Uri.EscapeDataString: everything but RFC 3986's unreserved characters.
func uriComponent(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func uriComponentToString(args []cty.Value) (cty.Value, bool) {
	s, ok := str(args[0])
	if !ok {
		return cty.NilVal, false
	}
	text, err := url.PathUnescape(s)
	if err != nil {
		return cty.NilVal, false
	}
	return cty.StringVal(strings.ToValidUTF8(text, "\uFFFD")), true
}

func toInteger(args []cty.Value) (cty.Value, bool) {
	v := args[0]
	if s, ok := str(v); ok {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		return cty.NumberIntVal(n), err == nil
	}
	n, ok := toInt(v)
	return cty.NumberIntVal(n), ok
}

func toFloat(args []cty.Value) (cty.Value, bool) {
	v := args[0]
	if s, ok := str(v); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return cty.NilVal, false
		}
		return cty.NumberFloatVal(f), true
	}
	return v, !v.IsNull() && v.Type() == cty.Number
}

func toBool(args []cty.Value) (cty.Value, bool) {
	v := args[0]
	if s, ok := str(v); ok {
		switch s = strings.TrimSpace(s); {
		case strings.EqualFold(s, "true"):
			return cty.True, true
		case strings.EqualFold(s, "false"):
			return cty.False, true
		}
		return cty.NilVal, false
	}
	if n, ok := toInt(v); ok {
		return cty.BoolVal(n != 0), true
	}
	return v, !v.IsNull() && v.Type() == cty.Bool
}

func jsonFunc(args []cty.Value) (cty.Value, bool) {
	s, ok := str(args[0])
	if !ok {
		return cty.NilVal, false
	}
	return parseJSON(s)
}

func parseJSON(s string) (cty.Value, bool) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return cty.NilVal, false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return cty.NilVal, false
	}
	return fromJSON(x)
}

func fromJSON(x any) (cty.Value, bool) {
	switch x := x.(type) {
	case nil:
		return cty.NullVal(cty.DynamicPseudoType), true
	case bool:
		return cty.BoolVal(x), true
	case string:
		return cty.StringVal(x), true
	case json.Number:
		n, err := cty.ParseNumberVal(x.String())
		return n, err == nil
	case []any:
		elems := make([]cty.Value, len(x))
		for i, e := range x {
			v, ok := fromJSON(e)
			if !ok {
				return cty.NilVal, false
			}
			elems[i] = v
		}
		return tuple(elems), true
	case map[string]any:
		attrs := make(map[string]cty.Value, len(x))
		for k, e := range x {
			v, ok := fromJSON(e)
			if !ok {
				return cty.NilVal, false
			}
			attrs[k] = v
		}
		return cty.ObjectVal(attrs), true
	}
	return cty.NilVal, false
}

func createObject(args []cty.Value) cty.Value {
	attrs := make(map[string]cty.Value, len(args)/2)
	marks := make(cty.ValueMarks)
	for i := 0; i < len(args); i += 2 {
		key, ok := str(args[i])
		if !ok {
			return unknownOf(cty.DynamicPseudoType, args...)
		}
		attrs[key] = args[i+1]
		for mark := range marksOf(args[i]) {
			marks[mark] = struct{}{}
		}
	}
	return cty.ObjectVal(attrs).WithMarks(marks)
}

// array wraps anything but an array in one.
func array(args []cty.Value) cty.Value {
	v, _ := args[0].Unmark()
	switch {
	case kindOf(v.Type()) == arrayKind:
		return args[0]
	case v.Type() == cty.DynamicPseudoType && !v.IsKnown():
		return args[0]
	}
	return cty.TupleVal(args)
}

func length(args []cty.Value) cty.Value {
	v, marks := args[0].Unmark()
	if v.IsKnown() && !v.IsNull() {
		switch kindOf(v.Type()) {
		case stringKind:
			return cty.NumberIntVal(int64(utf8.RuneCountInString(v.AsString()))).WithMarks(marks)
		case arrayKind, objectKind:
			return cty.NumberIntVal(int64(v.LengthInt())).WithMarks(marks)
		}
	}
	return cty.UnknownVal(cty.Number).WithMarks(marks)
}

func empty(args []cty.Value) cty.Value {
	v, marks := args[0].Unmark()
	switch {
	case !v.IsKnown():
	case v.IsNull():
		return cty.True.WithMarks(marks)
	case v.Type() == cty.String:
		return cty.BoolVal(v.AsString() == "").WithMarks(marks)
	case kindOf(v.Type()) == arrayKind || kindOf(v.Type()) == objectKind:
		return cty.BoolVal(v.LengthInt() == 0).WithMarks(marks)
	}
	return cty.UnknownVal(cty.Bool).WithMarks(marks)
}

// contains looks for a substring (case-sensitively), an element, or a key (case-insensitively).
func contains(args []cty.Value) cty.Value {
	plain, marks := unmarkAll(args)
	container, item := plain[0], plain[1]
	unknown := cty.UnknownVal(cty.Bool).WithMarks(marks)
	if !container.IsKnown() || container.IsNull() || !item.IsWhollyKnown() {
		return unknown
	}
	switch kindOf(container.Type()) {
	case stringKind:
		s, ok := scalarText(item)
		if !ok {
			return unknown
		}
		return cty.BoolVal(strings.Contains(container.AsString(), s)).WithMarks(marks)
	case arrayKind:
		found := cty.False
		for _, e := range container.AsValueSlice() {
			switch eq, known := equal(e, item); {
			case !known:
				found = unknown
			case eq:
				return cty.True.WithMarks(marks)
			}
		}
		return found.WithMarks(marks)
	case objectKind:
		key, ok := str(item)
		if !ok {
			return unknown
		}
		_, found := member(container, key)
		return cty.BoolVal(found).WithMarks(marks)
	}
	return unknown
}

// unknownLike is an unknown value for a function returning a string for a string and something else for
// an array.
func unknownLike(v cty.Value, marks cty.ValueMarks) cty.Value {
	if v.Type() == cty.String {
		return cty.UnknownVal(cty.String).WithMarks(marks)
	}
	return cty.DynamicVal.WithMarks(marks)
}

func firstOrLast(last bool) func([]cty.Value) cty.Value {
	return func(args []cty.Value) cty.Value {
		v, marks := args[0].Unmark()
		if !v.IsKnown() || v.IsNull() {
			return unknownLike(v, marks)
		}
		var elems []cty.Value
		switch kindOf(v.Type()) {
		case stringKind:
			runes := []rune(v.AsString())
			if len(runes) == 0 {
				return cty.StringVal("").WithMarks(marks)
			}
			elems = []cty.Value{cty.StringVal(string(runes[0])), cty.StringVal(string(runes[len(runes)-1]))}
		case arrayKind:
			elems = v.AsValueSlice()
		}
		if len(elems) == 0 {
			return cty.DynamicVal.WithMarks(marks)
		}
		if last {
			return elems[len(elems)-1].WithMarks(marks)
		}
		return elems[0].WithMarks(marks)
	}
}

// takeOrSkip makes take and skip, which clamp their count to the length of the string or array.
func takeOrSkip(take bool) func([]cty.Value) cty.Value {
	return func(args []cty.Value) cty.Value {
		v, vMarks := args[0].Unmark()
		n, nMarks := args[1].UnmarkDeep()
		marks := cty.NewValueMarks(vMarks, nMarks)
		count, ok := toInt(n)
		if !ok || !v.IsKnown() || v.IsNull() {
			return unknownLike(v, marks)
		}
		cut := func(length int) (from, to int) {
			i := int(max(0, min(count, int64(length))))
			if take {
				return 0, i
			}
			return i, length
		}
		switch kindOf(v.Type()) {
		case stringKind:
			runes := []rune(v.AsString())
			from, to := cut(len(runes))
			return cty.StringVal(string(runes[from:to])).WithMarks(marks)
		case arrayKind:
			elems := v.AsValueSlice()
			from, to := cut(len(elems))
			return tuple(elems[from:to]).WithMarks(marks)
		}
		return cty.DynamicVal.WithMarks(marks)
	}
}

// knownCollections strips the arguments of union and intersection of their own marks; ok is false unless
// they are all known arrays or all known objects.
func knownCollections(args []cty.Value) (vals []cty.Value, k kind, marks cty.ValueMarks, ok bool) {
	vals = make([]cty.Value, len(args))
	marks = make(cty.ValueMarks)
	for i, arg := range args {
		v, m := arg.Unmark()
		if !v.IsKnown() || v.IsNull() {
			return nil, anyKind, nil, false
		}
		if i == 0 {
			k = kindOf(v.Type())
		}
		if kindOf(v.Type()) != k || k != arrayKind && k != objectKind {
			return nil, anyKind, nil, false
		}
		vals[i] = v
		for mark := range m {
			marks[mark] = struct{}{}
		}
	}
	return vals, k, marks, true
}

// union merges objects (nested objects too; later values win) or joins arrays without duplicates.
func union(args []cty.Value) cty.Value {
	vals, k, marks, ok := knownCollections(args)
	if !ok {
		return unknownOf(cty.DynamicPseudoType, args...)
	}
	if k == objectKind {
		merged := vals[0]
		for _, v := range vals[1:] {
			merged = mergeObjects(merged, v)
		}
		return merged.WithMarks(marks)
	}
	seen := map[string]bool{}
	var elems []cty.Value
	for _, v := range vals {
		for _, e := range v.AsValueSlice() {
			key, ok := elementKey(e)
			if !ok {
				return unknownOf(cty.DynamicPseudoType, args...)
			}
			if !seen[key] {
				seen[key] = true
				elems = append(elems, e)
			}
		}
	}
	return tuple(elems).WithMarks(marks)
}

// shallowMerge merges an array of objects; a later member replaces an earlier one of the same name whole.
func shallowMerge(args []cty.Value) cty.Value {
	arr, arrMarks := args[0].Unmark()
	if !arr.IsKnown() || arr.IsNull() || kindOf(arr.Type()) != arrayKind {
		return unknownOf(cty.DynamicPseudoType, args...)
	}
	var objects []cty.Value
	marks := cty.ValueMarks{}
	if elems := arr.AsValueSlice(); len(elems) > 0 {
		var k kind
		var ok bool
		if objects, k, marks, ok = knownCollections(elems); !ok || k != objectKind {
			return unknownOf(cty.DynamicPseudoType, args...)
		}
	}
	attrs := map[string]cty.Value{}
	var keys []string
	for _, o := range objects {
		for it := o.ElementIterator(); it.Next(); {
			key, v := it.Element()
			name := key.AsString()
			if i := slices.IndexFunc(keys, func(s string) bool { return strings.EqualFold(s, name) }); i >= 0 {
				name = keys[i]
			} else {
				keys = append(keys, name)
			}
			attrs[name] = v
		}
	}
	return cty.ObjectVal(attrs).WithMarks(marks, arrMarks)
}

// elementKey identifies an array element by value, so that duplicates can be found in linear time.
func elementKey(e cty.Value) (string, bool) {
	plain, _ := e.UnmarkDeep()
	if !plain.IsWhollyKnown() {
		return "", false
	}
	return jsonText(plain)
}

// mergeObjects merges the known unmarked objects a and b as union does. A property keeps its first
// spelling, since ARM matches property names whatever their case.
func mergeObjects(a, b cty.Value) cty.Value {
	attrs := map[string]cty.Value{}
	var keys []string
	for it := a.ElementIterator(); it.Next(); {
		k, v := it.Element()
		keys = append(keys, k.AsString())
		attrs[k.AsString()] = v
	}
	for it := b.ElementIterator(); it.Next(); {
		k, v := it.Element()
		key := k.AsString()
		i := slices.Index(keys, key)
		if i < 0 {
			i = slices.IndexFunc(keys, func(s string) bool { return strings.EqualFold(s, key) })
		}
		if i < 0 {
			keys = append(keys, key)
			attrs[key] = v
			continue
		}
		key = keys[i]
		old := attrs[key]
		ov, om := old.Unmark()
		nv, nm := v.Unmark()
		switch {
		case ov.IsKnown() && nv.IsKnown() && !ov.IsNull() && !nv.IsNull() &&
			kindOf(ov.Type()) == objectKind && kindOf(nv.Type()) == objectKind:
			attrs[key] = mergeObjects(ov, nv).WithMarks(om, nm)
		case (!ov.IsKnown() || !nv.IsKnown()) && mayBeObject(ov) && mayBeObject(nv):
			// Two objects would merge, anything else is overwritten: the result depends on the unknown.
			attrs[key] = unknownOf(cty.DynamicPseudoType, old, v)
		default:
			attrs[key] = v
		}
	}
	return cty.ObjectVal(attrs)
}

func mayBeObject(v cty.Value) bool {
	k := kindOf(v.Type())
	return k == objectKind || k == anyKind && (!v.IsKnown() || !v.IsNull())
}

// intersection keeps the properties (same name and value) or elements that every argument has.
func intersection(args []cty.Value) cty.Value {
	vals, k, marks, ok := knownCollections(args)
	unknown := unknownOf(cty.DynamicPseudoType, args...)
	if !ok {
		return unknown
	}
	// Which members are kept depends on the values of all of them.
	for mark := range marksOf(args...) {
		marks[mark] = struct{}{}
	}
	if k == objectKind {
		attrs := map[string]cty.Value{}
		for it := vals[0].ElementIterator(); it.Next(); {
			key, v := it.Element()
			shared, known := inEvery(key.AsString(), v, vals[1:])
			if !known {
				return unknown
			}
			if shared {
				attrs[key.AsString()] = v
			}
		}
		return cty.ObjectVal(attrs).WithMarks(marks)
	}
	var sets []map[string]bool
	for _, v := range vals[1:] {
		set := map[string]bool{}
		for _, e := range v.AsValueSlice() {
			key, ok := elementKey(e)
			if !ok {
				return unknown
			}
			set[key] = true
		}
		sets = append(sets, set)
	}
	seen := map[string]bool{}
	var elems []cty.Value
	for _, e := range vals[0].AsValueSlice() {
		key, ok := elementKey(e)
		if !ok {
			return unknown
		}
		missing := slices.ContainsFunc(sets, func(set map[string]bool) bool { return !set[key] })
		if !seen[key] && !missing {
			seen[key] = true
			elems = append(elems, e)
		}
	}
	return tuple(elems).WithMarks(marks)
}

// inEvery tells whether every one of the known unmarked objects has the property name with the value v.
func inEvery(name string, v cty.Value, objects []cty.Value) (shared, known bool) {
	plain, _ := v.UnmarkDeep()
	for _, o := range objects {
		w, found := member(o, name)
		if !found {
			return false, true
		}
		w, _ = w.UnmarkDeep()
		if eq, known := equal(plain, w); !known || !eq {
			return false, known
		}
	}
	return true, true
}

// items turns an object into an array of {key, value} objects, sorted by key.
func items(args []cty.Value) cty.Value {
	v, marks := args[0].Unmark()
	if !v.IsKnown() || v.IsNull() || kindOf(v.Type()) != objectKind {
		return cty.DynamicVal.WithMarks(marks)
	}
	var elems []cty.Value
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		elems = append(elems, cty.ObjectVal(map[string]cty.Value{"key": k, "value": e}))
	}
	return tuple(elems).WithMarks(marks)
}

func objectKeys(args []cty.Value) cty.Value {
	v, marks := args[0].Unmark()
	if !v.IsKnown() || v.IsNull() || kindOf(v.Type()) != objectKind {
		return cty.DynamicVal.WithMarks(marks)
	}
	var keys []cty.Value
	for it := v.ElementIterator(); it.Next(); {
		k, _ := it.Element()
		keys = append(keys, k)
	}
	return tuple(keys).WithMarks(marks)
}

// tryGet is a chain of property or index accesses that returns null where ARM's would fail for a
// missing property or an index out of range.
func tryGet(args []cty.Value) cty.Value {
	v := args[0]
	for _, key := range args[1:] {
		var missing bool
		if v, missing = lookup(v, key); missing {
			return cty.NullVal(cty.DynamicPseudoType).WithMarks(v.Marks())
		}
	}
	return v
}

func rangeFunc(args []cty.Value) (cty.Value, bool) {
	start, okStart := toInt(args[0])
	count, okCount := toInt(args[1])
	if !okStart || !okCount || count < 0 || count > maxRange || start > math.MaxInt32-count {
		return cty.NilVal, false
	}
	elems := make([]cty.Value, count)
	for i := range elems {
		elems[i] = cty.NumberIntVal(start + int64(i))
	}
	return tuple(elems), true
}

// extreme makes min (sign -1) and max (sign 1), which take integers or one array of them.
func extreme(sign int) func([]cty.Value) (cty.Value, bool) {
	return func(args []cty.Value) (cty.Value, bool) {
		vals := args
		if len(args) == 1 && kindOf(args[0].Type()) == arrayKind && !args[0].IsNull() {
			vals = args[0].AsValueSlice()
		}
		if len(vals) == 0 {
			return cty.NilVal, false
		}
		best := vals[0]
		for _, v := range vals {
			if v.IsNull() || v.Type() != cty.Number {
				return cty.NilVal, false
			}
			if v.AsBigFloat().Cmp(best.AsBigFloat())*sign > 0 {
				best = v
			}
		}
		return best, true
	}
}

func add(z, a, b *big.Int) bool { z.Add(a, b); return true }
func sub(z, a, b *big.Int) bool { z.Sub(a, b); return true }
func mul(z, a, b *big.Int) bool { z.Mul(a, b); return true }

// div and mod truncate toward zero, as .NET's integer division does.
func div(z, a, b *big.Int) bool {
	if b.Sign() == 0 {
		return false
	}
	z.Quo(a, b)
	return true
}

func mod(z, a, b *big.Int) bool {
	if b.Sign() == 0 {
		return false
	}
	z.Rem(a, b)
	return true
}

// arithmetic makes an integer operation; a result that overflows ARM's 64-bit integers fails.
func arithmetic(op func(z, a, b *big.Int) bool) func([]cty.Value) (cty.Value, bool) {
	return func(args []cty.Value) (cty.Value, bool) {
		a, okA := toInt(args[0])
		b, okB := toInt(args[1])
		var z big.Int
		if !okA || !okB || !op(&z, big.NewInt(a), big.NewInt(b)) || !z.IsInt64() {
			return cty.NilVal, false
		}
		return cty.NumberIntVal(z.Int64()), true
	}
}

// resourceID makes the *ResourceId functions. The resource type follows skip fixed arguments (the ID of
// the resource extensionResourceId extends) and at most optional scope arguments (a subscription ID, a
// resource group name) which, unlike a type, have no "/". The ID itself holds the subscription, so it is
// unknown; an IDRef mark names the resource, with "?" for a name segment that is not known.
func resourceID(skip, optional int) func([]cty.Value) cty.Value {
	return func(args []cty.Value) cty.Value {
		for i := skip; i <= skip+optional && i < len(args); i++ {
			typ, ok := str(args[i])
			if !ok || !isResourceType(typ) {
				continue
			}
			names := make([]string, len(args)-i-1)
			for j, arg := range args[i+1:] {
				if names[j], ok = str(arg); !ok || names[j] == "" {
					names[j] = model.UnknownSegment
				}
			}
			id := model.ResourceID{Type: typ, Name: strings.Join(names, "/")}
			marks := marksOf(args...)
			if skip > 0 {
				scope, ok := idOf(args[0])
				if !ok {
					return cty.UnknownVal(cty.String).WithMarks(marks)
				}
				id.Scope = &scope
				// The extension's ID says all the scope's ID did.
				for mark := range marksOf(args[0]) {
					if ref, isRef := mark.(model.Ref); isRef && ref.Kind == model.IDRef {
						delete(marks, mark)
					}
				}
			}
			return cty.UnknownVal(cty.String).WithMarks(marks).Mark(model.Ref{Kind: model.IDRef, Address: id.String()})
		}
		return unknownOf(cty.String, args...)
	}
}

// isResourceType tells a type, Microsoft.CognitiveServices/accounts, from a subscription ID or a resource
// group name.
func isResourceType(s string) bool {
	namespace, types, ok := strings.Cut(s, "/")
	return ok && types != "" && strings.Contains(namespace, ".")
}

// referenceFunc is reference() and the list* functions. Their results are only known at deployment, and
// point at the resource named by the first argument: the resource a resourceId() marks, a resource ID, a
// symbolic name the scope knows, or else the argument's own text.
func referenceFunc(scope Scope, args []cty.Value) cty.Value {
	marks := marksOf(args...)
	for mark := range marksOf(args[0]) {
		if ref, ok := mark.(model.Ref); ok && (ref.Kind == model.IDRef || ref.Kind == model.ResourceRef) {
			return cty.DynamicVal.WithMarks(marks)
		}
	}
	if s, ok := str(args[0]); ok {
		marks[refTo(scope, s)] = struct{}{}
	}
	return cty.DynamicVal.WithMarks(marks)
}

// refTo is the reference a string naming a resource makes: its ID, or the resource a symbolic name stands
// for, or the name as written.
func refTo(scope Scope, s string) model.Ref {
	if id, ok := model.ParseResourceID(s); ok {
		return model.Ref{Kind: model.IDRef, Address: id.String()}
	}
	if scope != nil {
		if ref, ok := scope.Resource(s); ok {
			return ref
		}
	}
	return model.Ref{Kind: model.ResourceRef, Address: s}
}
