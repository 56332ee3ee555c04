package armexpr

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/aigate-dev/aigate/model"
)

// Scope is what an expression can see. Every method reports false when it does not know the answer.
type Scope interface {
	Parameter(name string) (cty.Value, bool)
	Variable(name string) (cty.Value, bool)
	// CopyIndex is copyIndex(loop) for the named loop ("" for the innermost).
	CopyIndex(loop string) (int, bool)
	// Resource is the reference to the resource a languageVersion 2.0 symbolic name stands for, as in
	// reference('acct') or reference('accts[1]').
	Resource(symbol string) (model.Ref, bool)
}

// Eval evaluates e. It never fails: anything it cannot know (an unknown function, a runtime-only value,
// a parameter without a value, a type error) evaluates to an unknown value (cty.DynamicVal or a typed
// unknown), carrying the model.Ref marks of whatever it was computed from. The diagnostics it returns are
// for the user's mistakes only: a reference to a parameter or variable the Scope does not declare, a
// function called with the wrong number of arguments.
func Eval(e Expr, scope Scope) (cty.Value, []string) {
	ev := &evaluator{scope: scope}
	return e.eval(ev), ev.diags
}

type evaluator struct {
	scope Scope
	diags []string
}

func (ev *evaluator) errorf(format string, args ...any) {
	ev.diags = append(ev.diags, fmt.Sprintf(format, args...))
}

func (ev *evaluator) evalAll(exprs []Expr) []cty.Value {
	vals := make([]cty.Value, len(exprs))
	for i, e := range exprs {
		vals[i] = e.eval(ev)
	}
	return vals
}

func (l *literal) eval(*evaluator) cty.Value { return l.val }

func (p *property) eval(ev *evaluator) cty.Value {
	v, _ := lookup(p.obj.eval(ev), cty.StringVal(p.name))
	return v
}

func (x *index) eval(ev *evaluator) cty.Value {
	v, _ := lookup(x.obj.eval(ev), x.key.eval(ev))
	return v
}

func (c *call) eval(ev *evaluator) cty.Value {
	f, ok := functions[strings.ToLower(c.name)]
	switch {
	case c.namespace != "":
		// A user-defined function: its body is in the template's functions section, out of sight here.
		return unknownOf(cty.DynamicPseudoType, ev.evalAll(c.args)...)
	case !ok && isList(c.name):
		f = listFunction
	case !ok:
		return unknownOf(cty.DynamicPseudoType, ev.evalAll(c.args)...)
	}
	if msg := f.checkArity(c.name, len(c.args)); msg != "" {
		ev.errorf("%s", msg)
		return unknownOf(f.ret, ev.evalAll(c.args)...)
	}
	if f.lazy != nil {
		return f.lazy(ev, c.args)
	}
	v, _ := f.apply(c.name, ev.evalAll(c.args), ev.scope)
	return v
}

// apply calls a function that is not lazy with its evaluated arguments, in scope (nil for none); problem
// is what is wrong with their number, or "".
func (f *function) apply(name string, args []cty.Value, scope Scope) (v cty.Value, problem string) {
	if msg := f.checkArity(name, len(args)); msg != "" {
		return unknownOf(f.ret, args...), msg
	}
	switch {
	case f.raw != nil:
		return f.raw(args), ""
	case f.scoped != nil:
		return f.scoped(scope, args), ""
	}
	return applyKnown(f.ret, f.known, args), ""
}

// applyKnown calls a function that only works on known values: it gets them unmarked, and its result
// gets all their marks. A function that fails (false) fails in ARM too, at deployment, so the result is
// unknown rather than an error.
func applyKnown(ret cty.Type, fn func([]cty.Value) (cty.Value, bool), args []cty.Value) cty.Value {
	plain, marks := unmarkAll(args)
	for _, v := range plain {
		if !v.IsWhollyKnown() {
			return cty.UnknownVal(ret).WithMarks(marks)
		}
	}
	v, ok := fn(plain)
	if !ok || v.Type() == cty.String && len(v.AsString()) > maxString {
		return cty.UnknownVal(ret).WithMarks(marks)
	}
	return v.WithMarks(marks)
}

// lookup is obj.key and obj[key]. ARM property names are case-insensitive. missing reports that obj is
// known not to have key: ARM fails at deployment then, so v is unknown, as it is when obj or key is.
func lookup(obj, key cty.Value) (v cty.Value, missing bool) {
	o, om := obj.Unmark()
	k, km := key.UnmarkDeep()
	unknown := cty.DynamicVal.WithMarks(om, km)
	if !o.IsKnown() || !k.IsKnown() || o.IsNull() || k.IsNull() {
		return unknown, false
	}
	switch kindOf(o.Type()) {
	case objectKind:
		name, ok := str(k)
		if !ok {
			return unknown, false
		}
		if v, ok := member(o, name); ok {
			return v.WithMarks(om, km), false
		}
		return unknown, true
	case arrayKind:
		i, ok := toInt(k)
		if !ok {
			return unknown, false
		}
		elems := o.AsValueSlice()
		if i < 0 || i >= int64(len(elems)) {
			return unknown, true
		}
		return elems[i].WithMarks(om, km), false
	}
	return unknown, false
}

// member finds the property of a known object by name, preferring the exact spelling to another case.
func member(o cty.Value, name string) (cty.Value, bool) {
	name = cty.NormalizeString(name)
	var folded cty.Value
	found := false
	for it := o.ElementIterator(); it.Next(); {
		k, v := it.Element()
		switch key := k.AsString(); {
		case key == name:
			return v, true
		case !found && strings.EqualFold(key, name):
			folded, found = v, true
		}
	}
	return folded, found
}

// kind is the ARM type of a value: ARM knows no lists, maps or sets, only arrays and objects.
type kind uint8

const (
	anyKind kind = iota
	stringKind
	numberKind
	boolKind
	arrayKind
	objectKind
)

func kindOf(ty cty.Type) kind {
	switch {
	case ty == cty.String:
		return stringKind
	case ty == cty.Number:
		return numberKind
	case ty == cty.Bool:
		return boolKind
	case ty.IsTupleType() || ty.IsListType() || ty.IsSetType():
		return arrayKind
	case ty.IsObjectType() || ty.IsMapType():
		return objectKind
	}
	return anyKind
}

func tuple(elems []cty.Value) cty.Value {
	if len(elems) == 0 {
		return cty.EmptyTupleVal
	}
	return cty.TupleVal(elems)
}

// marksOf gathers the marks on vals and on everything inside them.
func marksOf(vals ...cty.Value) cty.ValueMarks {
	_, marks := unmarkAll(vals)
	return marks
}

func unmarkAll(vals []cty.Value) ([]cty.Value, cty.ValueMarks) {
	plain := make([]cty.Value, len(vals))
	marks := make(cty.ValueMarks)
	for i, v := range vals {
		var m cty.ValueMarks
		plain[i], m = v.UnmarkDeep()
		for mark := range m {
			marks[mark] = struct{}{}
		}
	}
	return plain, marks
}

// unknownOf is an unknown value of type ty computed from vals.
func unknownOf(ty cty.Type, from ...cty.Value) cty.Value {
	return cty.UnknownVal(ty).WithMarks(marksOf(from...))
}

// str is the text of a known string, which may be marked.
func str(v cty.Value) (string, bool) {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// toInt is the value of a known unmarked integer that fits in 64 bits, ARM's integer type.
func toInt(v cty.Value) (int64, bool) {
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.Number {
		return 0, false
	}
	n, acc := v.AsBigFloat().Int64()
	return n, acc == big.Exact
}

// numberText writes a number as .NET does an integer or, without the exponent, a double. Only json() makes
// numbers beyond a double's range; they keep an exponent.
func numberText(n *big.Float) string {
	f, _ := n.Float64()
	switch {
	case math.IsInf(f, 0):
		return n.Text('g', -1)
	case n.IsInt():
		return n.Text('f', 0)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// scalarText converts a known unmarked primitive to a string as ARM does in concat and format: .NET's
// ToString, so booleans are True and False and null is empty.
func scalarText(v cty.Value) (string, bool) {
	if v.IsNull() {
		return "", true
	}
	switch kindOf(v.Type()) {
	case stringKind:
		return v.AsString(), true
	case numberKind:
		return numberText(v.AsBigFloat()), true
	case boolKind:
		if v.True() {
			return "True", true
		}
		return "False", true
	}
	return "", false
}

// jsonText is a wholly known unmarked value as compact JSON, the way ARM's string() writes objects and
// arrays. Objects come out with their properties sorted, since cty does not keep their order.
func jsonText(v cty.Value) (string, bool) {
	var b strings.Builder
	if !writeJSON(&b, v) {
		return "", false
	}
	return b.String(), true
}

func writeJSON(b *strings.Builder, v cty.Value) bool {
	if b.Len() > maxString {
		return false
	}
	if v.IsNull() {
		b.WriteString("null")
		return true
	}
	switch kindOf(v.Type()) {
	case stringKind:
		writeQuoted(b, v.AsString())
	case numberKind:
		b.WriteString(numberText(v.AsBigFloat()))
	case boolKind:
		b.WriteString(strconv.FormatBool(v.True()))
	case arrayKind:
		b.WriteByte('[')
		for i, e := range v.AsValueSlice() {
			if i > 0 {
				b.WriteByte(',')
			}
			if !writeJSON(b, e) {
				return false
			}
		}
		b.WriteByte(']')
	case objectKind:
		b.WriteByte('{')
		first := true
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if !first {
				b.WriteByte(',')
			}
			first = false
			writeQuoted(b, k.AsString())
			b.WriteByte(':')
			if !writeJSON(b, e) {
				return false
			}
		}
		b.WriteByte('}')
	default:
		return false
	}
	return b.Len() <= maxString
}

// writeQuoted quotes s as Json.NET does by default: only quotes, backslashes, control characters and the
// line separators JavaScript rejects in strings are escaped.
func writeQuoted(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x85 || r == 0x2028 || r == 0x2029 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// equal compares two unmarked values as ARM's equals does: deeply, strings case-sensitively, values of
// different types unequal. known is false when unknown parts hide the answer.
func equal(a, b cty.Value) (eq, known bool) {
	aNull, bNull := a.IsKnown() && a.IsNull(), b.IsKnown() && b.IsNull()
	switch {
	case aNull && bNull:
		return true, true
	case (aNull || bNull) && a.IsKnown() && b.IsKnown():
		return false, true
	case aNull || bNull:
		// The unknown side may be null as well.
		return false, false
	}
	ka, kb := kindOf(a.Type()), kindOf(b.Type())
	if ka != anyKind && kb != anyKind && ka != kb {
		return false, true
	}
	if !a.IsKnown() || !b.IsKnown() {
		return false, false
	}
	switch ka {
	case stringKind:
		return a.AsString() == b.AsString(), true
	case numberKind:
		return a.AsBigFloat().Cmp(b.AsBigFloat()) == 0, true
	case boolKind:
		return a.True() == b.True(), true
	case arrayKind:
		ea, eb := a.AsValueSlice(), b.AsValueSlice()
		if len(ea) != len(eb) {
			return false, true
		}
		return allEqual(ea, eb)
	case objectKind:
		ma, mb := a.AsValueMap(), b.AsValueMap()
		if len(ma) != len(mb) {
			return false, true
		}
		ea, eb := make([]cty.Value, 0, len(ma)), make([]cty.Value, 0, len(ma))
		for k, v := range ma {
			w, ok := mb[k]
			if !ok {
				return false, true
			}
			ea, eb = append(ea, v), append(eb, w)
		}
		return allEqual(ea, eb)
	}
	return false, false
}

// allEqual compares the pairs ea[i], eb[i]: one known difference decides, whatever is unknown elsewhere.
func allEqual(ea, eb []cty.Value) (eq, known bool) {
	known = true
	for i := range ea {
		e, k := equal(ea[i], eb[i])
		if k && !e {
			return false, true
		}
		known = known && k
	}
	return known, known
}

// Call applies ARM's function name (any case) to arguments already evaluated, for languages that share
// ARM's function library, as Bicep does. It follows Eval's rules: what cannot be known is unknown and
// keeps the arguments' marks. With no template around it, reference() of a string that is not a resource
// ID points at a resource of that name. found is false for a name that is not such a function; problem
// says what is wrong with the number of arguments, or is "".
func Call(name string, args []cty.Value) (v cty.Value, problem string, found bool) {
	f, ok := functions[strings.ToLower(name)]
	switch {
	case !ok && isList(name):
		f = listFunction
	case !ok || f.lazy != nil:
		return unknownOf(cty.DynamicPseudoType, args...), "", false
	}
	v, problem = f.apply(name, args, nil)
	return v, problem, true
}
