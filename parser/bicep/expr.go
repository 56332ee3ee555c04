package bicep

import (
	"math/big"
	"reflect"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/bicep/syntax"
	"github.com/zclconf/go-cty/cty"
)

// scope holds the names a loop, a lambda or a resource body binds, innermost first.
type scope struct {
	parent *scope
	name   string
	value  cty.Value
	// resolve, when set, computes the value on first use: the resources nested in a body, which its
	// properties and its other nested resources may name.
	resolve func() cty.Value
}

func (s *scope) with(name string, v cty.Value) *scope {
	if name == "" {
		return s
	}
	return &scope{parent: s, name: name, value: v}
}

func (s *scope) withLazy(name string, resolve func() cty.Value) *scope {
	return &scope{parent: s, name: name, resolve: resolve}
}

func (s *scope) lookup(name string) (cty.Value, bool) {
	for ; s != nil; s = s.parent {
		if s.name != name {
			continue
		}
		if s.resolve != nil {
			resolve := s.resolve
			s.resolve = nil
			s.value = resolve()
		}
		return s.value, true
	}
	return cty.NilVal, false
}

// A symbolic reference to a resource or module evaluates to a capsule, so that its properties can be read
// as Bicep reads them: acct.name is the name the file gives, acct.properties.endpoint is known only once
// deployed. Anywhere else (a function argument, a property) the capsule becomes plain (see plain).
var (
	resourceCapsule = cty.Capsule("resource", reflect.TypeFor[instance]())
	moduleCapsule   = cty.Capsule("module", reflect.TypeFor[moduleInstance]())
)

// eval evaluates an expression to a value. It never fails: what cannot be known is unknown and carries
// the model.Ref marks of what it was computed from.
func (e *fileEval) eval(x syntax.Expr, sc *scope) cty.Value {
	switch x := x.(type) {
	case *syntax.String:
		return e.interpolate(x, sc)
	case *syntax.Int:
		if v, err := cty.ParseNumberVal(x.Text); err == nil {
			return v
		}
	case *syntax.Bool:
		return cty.BoolVal(x.Value)
	case *syntax.Null:
		return cty.NullVal(cty.DynamicPseudoType)
	case *syntax.Paren:
		return e.eval(x.X, sc)
	case *syntax.NonNull:
		return e.eval(x.X, sc)
	case *syntax.Object:
		return e.object(x, sc)
	case *syntax.Array:
		return e.array(x, sc)
	case *syntax.For:
		return e.forValue(x, sc)
	case *syntax.Ident:
		return e.ident(x, sc)
	case *syntax.Unary:
		return e.unary(x, sc)
	case *syntax.Binary:
		return e.binary(x, sc)
	case *syntax.Ternary:
		return e.ternary(x, sc)
	case *syntax.Access:
		return e.access(x, sc)
	case *syntax.Index:
		// The collection stays as it is, so that accts[0] is still the resource, not a plain object.
		obj, key := e.eval(x.X, sc), plain(e.eval(x.Index, sc))
		if x.FromEnd {
			key = fromEnd(obj, key)
		}
		return member(obj, key, x.Safe)
	case *syntax.ChildAccess:
		return e.childAccess(x, sc)
	case *syntax.Call:
		return e.call(x, sc)
	}
	return cty.DynamicVal
}

func (e *fileEval) ident(x *syntax.Ident, sc *scope) cty.Value {
	if v, ok := sc.lookup(x.Name); ok {
		return v
	}
	if v, ok := e.lookup(x); ok {
		return v
	}
	e.errorAt(x.Rng, "Unknown name", "The name \""+x.Name+"\" is not declared in this file; Bicep rejects it, so the value is unknown here.")
	return cty.DynamicVal
}

// interpolate evaluates a string; every interpolated value is written as ARM's string() writes it.
func (e *fileEval) interpolate(x *syntax.String, sc *scope) cty.Value {
	if len(x.Exprs) == 0 {
		return cty.StringVal(strings.Join(x.Parts, ""))
	}
	var b strings.Builder
	marks := cty.ValueMarks{}
	known := true
	for i, part := range x.Parts {
		b.WriteString(part)
		if i >= len(x.Exprs) {
			continue
		}
		v, m := plain(e.eval(x.Exprs[i], sc)).UnmarkDeep()
		mergeMarks(marks, m)
		if s, ok := text(v); ok {
			b.WriteString(s)
		} else {
			known = false
		}
	}
	if !known {
		return cty.UnknownVal(cty.String).WithMarks(marks)
	}
	return cty.StringVal(b.String()).WithMarks(marks)
}

// text writes a wholly known value as a string, as interpolation and string() do.
func text(v cty.Value) (string, bool) {
	if !v.IsWhollyKnown() {
		return "", false
	}
	switch {
	case v.IsNull():
		return "", true
	case v.Type() == cty.String:
		return v.AsString(), true
	case v.Type() == cty.Bool:
		if v.True() {
			return "True", true
		}
		return "False", true
	case v.Type() == cty.Number:
		return v.AsBigFloat().Text('f', -1), true
	}
	s := model.JSONText(v)
	return s, s != "?"
}

func mergeMarks(dst, src cty.ValueMarks) {
	for m := range src {
		dst[m] = struct{}{}
	}
}

func marksOf(vals ...cty.Value) cty.ValueMarks {
	marks := cty.ValueMarks{}
	for _, v := range vals {
		_, m := v.UnmarkDeep()
		mergeMarks(marks, m)
	}
	return marks
}

func unknown(from ...cty.Value) cty.Value { return cty.DynamicVal.WithMarks(marksOf(from...)) }

// object evaluates an object literal; a spread merges in what it spreads, later members winning.
func (e *fileEval) object(x *syntax.Object, sc *scope) cty.Value {
	attrs := map[string]cty.Value{}
	for _, item := range x.Items {
		switch item := item.(type) {
		case *syntax.Property:
			key, ok := e.key(item.Key, sc)
			if !ok {
				return unknown(e.eval(item.Key, sc))
			}
			attrs[key] = e.eval(item.Value, sc)
		case *syntax.Spread:
			v := plain(e.eval(item.Value, sc))
			u, marks := v.Unmark()
			switch {
			case u.IsNull():
			case !u.IsKnown() || !isObject(u.Type()):
				return unknown(v)
			default:
				for k, a := range u.AsValueMap() {
					attrs[k] = a.WithMarks(marks)
				}
			}
		}
	}
	return cty.ObjectVal(attrs)
}

// key is an object property's name: an identifier, or a string that may be interpolated.
func (e *fileEval) key(k syntax.Expr, sc *scope) (string, bool) {
	switch k := k.(type) {
	case *syntax.Ident:
		return k.Name, true
	case *syntax.String:
		v, _ := e.interpolate(k, sc).Unmark()
		if v.IsKnown() && !v.IsNull() {
			return v.AsString(), true
		}
	}
	return "", false
}

func (e *fileEval) array(x *syntax.Array, sc *scope) cty.Value {
	var elems []cty.Value
	for _, item := range x.Items {
		spread, ok := item.(*syntax.Spread)
		if !ok {
			elems = append(elems, e.eval(item, sc))
			continue
		}
		v := plain(e.eval(spread.Value, sc))
		u, marks := v.Unmark()
		switch {
		case u.IsNull():
		case !u.IsKnown() || !isSequence(u.Type()):
			return unknown(v)
		default:
			for it := u.ElementIterator(); it.Next(); {
				_, el := it.Element()
				elems = append(elems, el.WithMarks(marks))
			}
		}
	}
	return cty.TupleVal(elems)
}

// forValue evaluates [for ...] as a value: the body for each item the filter keeps.
func (e *fileEval) forValue(x *syntax.For, sc *scope) cty.Value {
	items, marks, known := e.keptItems(x, sc)
	if !known {
		return cty.DynamicVal.WithMarks(marks)
	}
	elems := make([]cty.Value, len(items))
	for i, it := range items {
		elems[i] = e.eval(it.body, it.scope)
	}
	return cty.TupleVal(elems)
}

// keptItem is one item a loop's filter keeps: the names it binds, and the body to evaluate there.
type keptItem struct {
	scope *scope
	body  syntax.Expr
}

// keptItems returns the items of [for ...] that its `if` filter, if any, keeps. known is false when the
// collection or a filter's condition is unknown; marks are then those of what is unknown.
func (e *fileEval) keptItems(x *syntax.For, sc *scope) (items []keptItem, marks cty.ValueMarks, known bool) {
	scopes, known := e.iterations(x, sc)
	if !known {
		return nil, marksOf(e.eval(x.Iterable, sc)), false
	}
	for _, it := range scopes {
		cond, filtered := x.Body.(*syntax.If)
		if !filtered {
			items = append(items, keptItem{it, x.Body})
			continue
		}
		c := plain(e.eval(cond.Cond, it))
		keep, ok := boolOf(c)
		if !ok {
			return nil, marksOf(c), false
		}
		if keep {
			items = append(items, keptItem{it, cond.Body})
		}
	}
	return items, nil, true
}

// iterations binds a loop's item and index for each element of its collection. known is false when the
// collection is unknown or too long; the single scope returned then binds unknowns.
func (e *fileEval) iterations(x *syntax.For, sc *scope) (scopes []*scope, known bool) {
	coll := plain(e.eval(x.Iterable, sc))
	u, marks := coll.Unmark()
	if !u.IsKnown() || u.IsNull() || !isSequence(u.Type()) && !isObject(u.Type()) || u.LengthInt() > maxLoop {
		item := cty.DynamicVal.WithMarks(marksOf(coll))
		return []*scope{sc.with(identName(x.Item), item).with(identName(x.Index), cty.UnknownVal(cty.Number).WithMarks(marksOf(coll)))}, false
	}
	i := 0
	for it := u.ElementIterator(); it.Next(); i++ {
		_, el := it.Element()
		scopes = append(scopes, sc.with(identName(x.Item), el.WithMarks(marks)).with(identName(x.Index), cty.NumberIntVal(int64(i))))
	}
	return scopes, true
}

func isObject(t cty.Type) bool { return t.IsObjectType() || t.IsMapType() }

func isSequence(t cty.Type) bool { return t.IsTupleType() || t.IsListType() || t.IsSetType() }

func (e *fileEval) unary(x *syntax.Unary, sc *scope) cty.Value {
	v := plain(e.eval(x.X, sc))
	u, marks := v.Unmark()
	if !u.IsKnown() || u.IsNull() {
		return unknown(v)
	}
	switch {
	case x.Op == "!" && u.Type() == cty.Bool:
		return u.Not().WithMarks(marks)
	case x.Op == "-" && u.Type() == cty.Number:
		return u.Negate().WithMarks(marks)
	case x.Op == "+" && u.Type() == cty.Number:
		return v
	}
	return unknown(v)
}

func (e *fileEval) binary(x *syntax.Binary, sc *scope) cty.Value {
	switch x.Op {
	case "&&", "||":
		return e.logic(x, sc)
	case "??":
		l := plain(e.eval(x.X, sc))
		u, _ := l.Unmark()
		switch {
		case !u.IsKnown():
			return unknown(l, e.eval(x.Y, sc))
		case u.IsNull():
			return e.eval(x.Y, sc)
		}
		return l
	}
	l, r := plain(e.eval(x.X, sc)), plain(e.eval(x.Y, sc))
	lu, lm := l.UnmarkDeep()
	ru, rm := r.UnmarkDeep()
	marks := cty.ValueMarks{}
	mergeMarks(marks, lm)
	mergeMarks(marks, rm)
	if !lu.IsWhollyKnown() || !ru.IsWhollyKnown() {
		return cty.DynamicVal.WithMarks(marks)
	}
	var out cty.Value
	switch x.Op {
	case "==", "!=":
		out = cty.BoolVal(equal(lu, ru) == (x.Op == "=="))
	case "=~", "!~":
		ls, lok := str(lu)
		rs, rok := str(ru)
		if !lok || !rok {
			return cty.DynamicVal.WithMarks(marks)
		}
		out = cty.BoolVal(strings.EqualFold(ls, rs) == (x.Op == "=~"))
	case "<", "<=", ">", ">=":
		c, ok := compare(lu, ru)
		if !ok {
			return cty.DynamicVal.WithMarks(marks)
		}
		out = cty.BoolVal(x.Op == "<" && c < 0 || x.Op == "<=" && c <= 0 || x.Op == ">" && c > 0 || x.Op == ">=" && c >= 0)
	case "+", "-", "*", "/", "%":
		var ok bool
		if out, ok = arithmetic(x.Op, lu, ru); !ok {
			return cty.DynamicVal.WithMarks(marks)
		}
	default:
		return cty.DynamicVal.WithMarks(marks)
	}
	return out.WithMarks(marks)
}

// logic is && and ||: a known false (true) left side decides without the right, and so does a known
// right side when the left is unknown.
func (e *fileEval) logic(x *syntax.Binary, sc *scope) cty.Value {
	decisive := x.Op == "||"
	l := plain(e.eval(x.X, sc))
	if b, ok := boolOf(l); ok && b == decisive {
		return cty.BoolVal(decisive).WithMarks(marksOf(l))
	}
	r := plain(e.eval(x.Y, sc))
	lb, lok := boolOf(l)
	rb, rok := boolOf(r)
	switch {
	case rok && rb == decisive:
		return cty.BoolVal(decisive).WithMarks(marksOf(r))
	case lok && rok:
		return cty.BoolVal(lb && rb || decisive && (lb || rb)).WithMarks(marksOf(l, r))
	}
	return cty.UnknownVal(cty.Bool).WithMarks(marksOf(l, r))
}

func boolOf(v cty.Value) (b, ok bool) {
	u, _ := v.Unmark()
	if !u.IsKnown() || u.IsNull() || u.Type() != cty.Bool {
		return false, false
	}
	return u.True(), true
}

func str(v cty.Value) (string, bool) {
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// equal compares wholly known values as ARM's equals() does: by their JSON text, so that a list and a
// tuple of the same elements are equal.
func equal(a, b cty.Value) bool {
	if a.IsNull() || b.IsNull() {
		return a.IsNull() && b.IsNull()
	}
	return model.JSONText(a) == model.JSONText(b)
}

func compare(a, b cty.Value) (int, bool) {
	switch {
	case a.IsNull() || b.IsNull():
		return 0, false
	case a.Type() == cty.Number && b.Type() == cty.Number:
		return a.AsBigFloat().Cmp(b.AsBigFloat()), true
	case a.Type() == cty.String && b.Type() == cty.String:
		return strings.Compare(a.AsString(), b.AsString()), true
	}
	return 0, false
}

// arithmetic is Bicep's integer arithmetic; division truncates, and by zero fails at deployment.
func arithmetic(op string, a, b cty.Value) (cty.Value, bool) {
	if a.IsNull() || b.IsNull() || a.Type() != cty.Number || b.Type() != cty.Number {
		return cty.NilVal, false
	}
	x, okx := a.AsBigFloat().Int(nil)
	y, oky := b.AsBigFloat().Int(nil)
	if okx != big.Exact || oky != big.Exact {
		return cty.NilVal, false
	}
	z := new(big.Int)
	switch op {
	case "+":
		z.Add(x, y)
	case "-":
		z.Sub(x, y)
	case "*":
		z.Mul(x, y)
	case "/", "%":
		if y.Sign() == 0 {
			return cty.NilVal, false
		}
		if op == "/" {
			z.Quo(x, y)
		} else {
			z.Rem(x, y)
		}
	}
	if !z.IsInt64() {
		return cty.NilVal, false
	}
	return cty.NumberIntVal(z.Int64()), true
}

// ternary picks a branch when the condition is known; otherwise the value is known only when both
// branches agree.
func (e *fileEval) ternary(x *syntax.Ternary, sc *scope) cty.Value {
	cond := plain(e.eval(x.Cond, sc))
	if b, ok := boolOf(cond); ok {
		branch := x.Else
		if b {
			branch = x.Then
		}
		return e.eval(branch, sc).WithMarks(marksOf(cond))
	}
	a, b := plain(e.eval(x.Then, sc)), plain(e.eval(x.Else, sc))
	return either(a, b, marksOf(cond))
}

// either is a value that is a or b, it is not known which: what they agree on is known, the rest unknown
// with the marks of what decides between them. Two objects agree member by member, so that
// `c ? {defaultAction: 'Deny', ipRules: ips} : {defaultAction: 'Deny'}` still denies by default.
func either(a, b cty.Value, deciding cty.ValueMarks) cty.Value {
	au, _ := a.UnmarkDeep()
	bu, _ := b.UnmarkDeep()
	if au.IsWhollyKnown() && bu.IsWhollyKnown() && equal(au, bu) {
		return a.WithMarks(deciding, marksOf(b))
	}
	a, am := a.Unmark()
	b, bm := b.Unmark()
	if !a.IsKnown() || !b.IsKnown() || a.IsNull() || b.IsNull() || !isObject(a.Type()) || !isObject(b.Type()) {
		return cty.DynamicVal.WithMarks(deciding, am, bm, marksOf(a, b))
	}
	attrs := map[string]cty.Value{}
	for k, av := range a.AsValueMap() {
		if bv, ok := attribute(b, k); ok {
			attrs[k] = either(av, bv, deciding)
		} else {
			attrs[k] = cty.DynamicVal.WithMarks(deciding)
		}
	}
	for k := range b.AsValueMap() {
		if _, ok := attribute(a, k); !ok {
			attrs[k] = cty.DynamicVal.WithMarks(deciding)
		}
	}
	return cty.ObjectVal(attrs).WithMarks(am, bm)
}

// access is x.name and x.?name, on a value, a resource, a module, or an imported namespace.
func (e *fileEval) access(x *syntax.Access, sc *scope) cty.Value {
	if id, ok := x.X.(*syntax.Ident); ok {
		if _, local := sc.lookup(id.Name); !local {
			if s, ok := e.symbols[id.Name]; ok && s.kind == namespaceSymbol {
				if s.from == nil {
					return cty.DynamicVal
				}
				return s.from.exported(x.Name.Name, x.Name.Rng)
			}
		}
	}
	obj := e.eval(x.X, sc)
	u, marks := obj.Unmark()
	if u.IsKnown() && !u.IsNull() {
		switch u.Type() {
		case resourceCapsule:
			return e.resourceProperty(u.EncapsulatedValue().(*instance), x.Name.Name).WithMarks(marks)
		case moduleCapsule:
			return e.moduleProperty(u.EncapsulatedValue().(*moduleInstance), x.Name.Name).WithMarks(marks)
		}
	}
	return member(obj, cty.StringVal(x.Name.Name), x.Safe)
}

// member is obj.key and obj[key]. Property names match without case, as in ARM, an exact match first.
// A safe access of a null or of a missing member is null; an unsafe one fails at deployment, so its value
// is unknown.
func member(obj, key cty.Value, safe bool) cty.Value {
	o, om := obj.Unmark()
	k, km := key.UnmarkDeep()
	marks := cty.ValueMarks{}
	mergeMarks(marks, om)
	mergeMarks(marks, km)
	missing := cty.DynamicVal.WithMarks(marks)
	if safe {
		missing = cty.NullVal(cty.DynamicPseudoType).WithMarks(marks)
	}
	switch {
	case !o.IsKnown() || !k.IsKnown():
		return cty.DynamicVal.WithMarks(marks)
	case o.IsNull() || k.IsNull():
		return missing
	case isObject(o.Type()):
		name, ok := str(k)
		if !ok {
			return cty.DynamicVal.WithMarks(marks)
		}
		if v, ok := attribute(o, name); ok {
			return v.WithMarks(marks)
		}
		return missing
	case isSequence(o.Type()):
		if k.Type() != cty.Number {
			return cty.DynamicVal.WithMarks(marks)
		}
		i, acc := k.AsBigFloat().Int64()
		if acc != big.Exact || i < 0 || i >= int64(o.LengthInt()) {
			return missing
		}
		elems := o.AsValueSlice()
		return elems[i].WithMarks(marks)
	}
	return cty.DynamicVal.WithMarks(marks)
}

// attribute finds a member of a known object or map by name, an exact match first, then one that differs
// only in case, without copying the members.
func attribute(o cty.Value, name string) (cty.Value, bool) {
	if o.Type().IsObjectType() {
		if o.Type().HasAttribute(name) {
			return o.GetAttr(name), true
		}
		for n := range o.Type().AttributeTypes() {
			if strings.EqualFold(n, name) {
				return o.GetAttr(n), true
			}
		}
		return cty.NilVal, false
	}
	for it := o.ElementIterator(); it.Next(); {
		if k, v := it.Element(); strings.EqualFold(k.AsString(), name) {
			return v, true
		}
	}
	return cty.NilVal, false
}

// fromEnd turns the i of x[^i] into the index it counts from the end of x: x[^1] is the last item.
func fromEnd(seq, i cty.Value) cty.Value {
	s, _ := seq.Unmark()
	n, marks := i.Unmark()
	if !s.IsKnown() || s.IsNull() || !isSequence(s.Type()) || !n.IsKnown() || n.IsNull() || n.Type() != cty.Number {
		return cty.UnknownVal(cty.Number).WithMarks(marks)
	}
	return cty.NumberIntVal(int64(s.LengthInt())).Subtract(n).WithMarks(marks)
}

// plain replaces the capsules in v by what ARM sees of the resource or module: an object whose id is
// known only at deployment.
func plain(v cty.Value) cty.Value {
	if !hasCapsule(v.Type()) {
		return v
	}
	u, marks := v.Unmark()
	if !u.IsKnown() || u.IsNull() {
		return cty.DynamicVal.WithMarks(marks)
	}
	switch t := u.Type(); {
	case t == resourceCapsule || t == moduleCapsule:
		return cty.ObjectVal(map[string]cty.Value{"id": cty.UnknownVal(cty.String)}).WithMarks(marks)
	case t.IsObjectType() || t.IsMapType():
		attrs := map[string]cty.Value{}
		for k, a := range u.AsValueMap() {
			attrs[k] = plain(a)
		}
		return cty.ObjectVal(attrs).WithMarks(marks)
	case t.IsTupleType() || t.IsListType() || t.IsSetType():
		var elems []cty.Value
		for _, el := range u.AsValueSlice() {
			elems = append(elems, plain(el))
		}
		return cty.TupleVal(elems).WithMarks(marks)
	}
	return cty.DynamicVal.WithMarks(marks)
}

func hasCapsule(t cty.Type) bool {
	switch {
	case t == resourceCapsule || t == moduleCapsule:
		return true
	case t.IsObjectType():
		for _, a := range t.AttributeTypes() {
			if hasCapsule(a) {
				return true
			}
		}
	case t.IsTupleType():
		for _, el := range t.TupleElementTypes() {
			if hasCapsule(el) {
				return true
			}
		}
	case t.IsListType() || t.IsMapType() || t.IsSetType():
		return hasCapsule(t.ElementType())
	}
	return false
}
