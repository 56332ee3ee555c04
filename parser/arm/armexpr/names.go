package armexpr

import (
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/aigate-dev/aigate/model"
)

// hole stands, in text that format() and concat() build, for a part known only at deployment. No name or
// type holds it.
const hole = "\x00"

// withUnknownSegments writes "?" for each name segment of id with a hole in it. ok is false when a type
// segment has one; a container with one is dropped, as one not written.
func withUnknownSegments(id model.ResourceID) (model.ResourceID, bool) {
	if strings.Contains(id.Type, hole) {
		return model.ResourceID{}, false
	}
	if strings.Contains(id.Container, hole) {
		id.Container = ""
	}
	names := strings.Split(id.Name, "/")
	for i, n := range names {
		if strings.Contains(n, hole) {
			names[i] = model.UnknownSegment
		}
	}
	id.Name = strings.Join(names, "/")
	if id.Scope != nil {
		scope, ok := withUnknownSegments(*id.Scope)
		if !ok {
			return model.ResourceID{}, false
		}
		id.Scope = &scope
	}
	return id, true
}

// idOf is the resource ID a value holds: a known string, or the one IDRef that marks an unknown value.
func idOf(v cty.Value) (model.ResourceID, bool) {
	if s, ok := str(v); ok {
		return model.ParseResourceID(s)
	}
	var ids []string
	for mark := range marksOf(v) {
		if ref, ok := mark.(model.Ref); ok && ref.Kind == model.IDRef {
			ids = append(ids, ref.Address)
		}
	}
	if len(ids) != 1 {
		return model.ResourceID{}, false
	}
	return model.ParseResourceID(ids[0])
}

// ResourceIDOf evaluates e, an expression that names a resource by its ID (an extension resource's scope,
// a dependsOn entry), into that ID: a known string, the resource a resourceId() names, or the text that
// format() and concat() build, with "?" for a name segment known only at deployment.
func ResourceIDOf(e Expr, scope Scope) (model.ResourceID, bool) {
	v, _ := Eval(e, scope)
	if id, ok := idOf(v); ok {
		return id, true
	}
	text, ok := partialText(e, scope)
	if !ok {
		return model.ResourceID{}, false
	}
	id, ok := model.ParseResourceID(text)
	if !ok {
		return model.ResourceID{}, false
	}
	return withUnknownSegments(id)
}

// NameSegments evaluates e, a resource's name, into its "/"-separated segments, "?" for a segment known
// only at deployment: format('{0}/default', parameters('account')) is ["?", "default"]. ok is false when
// nothing is known of where the separators fall, as for a parameter.
func NameSegments(e Expr, scope Scope) (segments []string, ok bool) {
	text, ok := partialText(e, scope)
	if !ok {
		return nil, false
	}
	segments = strings.Split(text, "/")
	for i, s := range segments {
		if strings.Contains(s, hole) {
			segments[i] = model.UnknownSegment
		}
	}
	return segments, true
}

// partialText evaluates e as a string in which what format() and concat() cannot know is a hole, the rest
// kept. ok is false when e is not a string, or is a hole and nothing else.
func partialText(e Expr, scope Scope) (string, bool) {
	ev := &evaluator{scope: scope}
	v, _ := ev.partial(e).UnmarkDeep()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String || v.AsString() == hole {
		return "", false
	}
	return v.AsString(), true
}

// partial evaluates e, but for a format() or concat() of strings whose unknown arguments it takes as
// holes.
func (ev *evaluator) partial(e Expr) cty.Value {
	c, ok := e.(*call)
	if !ok || c.namespace != "" || len(c.args) == 0 || !strings.EqualFold(c.name, "format") && !strings.EqualFold(c.name, "concat") {
		v, _ := e.eval(ev).UnmarkDeep()
		if !v.IsWhollyKnown() {
			return cty.StringVal(hole)
		}
		return v
	}
	args := make([]cty.Value, len(c.args))
	for i, a := range c.args {
		args[i] = ev.partial(a)
	}
	if strings.EqualFold(c.name, "concat") {
		return concat(args)
	}
	if v, ok := format(args); ok {
		return v
	}
	return cty.UnknownVal(cty.String)
}
