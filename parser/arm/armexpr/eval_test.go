package armexpr

import (
	"slices"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/aigate-dev/aigate/model"
)

// testScope is a template's parameters, variables, copy loops and symbolic resources.
type testScope struct {
	params, vars map[string]cty.Value
	loops        map[string]int
	symbols      map[string]model.Ref
}

func (s testScope) Parameter(name string) (cty.Value, bool) {
	v, ok := s.params[name]
	return v, ok
}

func (s testScope) Variable(name string) (cty.Value, bool) {
	v, ok := s.vars[name]
	return v, ok
}

func (s testScope) CopyIndex(loop string) (int, bool) {
	i, ok := s.loops[loop]
	return i, ok
}

func (s testScope) Resource(symbol string) (model.Ref, bool) {
	ref, ok := s.symbols[symbol]
	return ref, ok
}

// in is the mark a front end puts on a parameter's value.
func in(name string) model.Ref {
	return model.Ref{Kind: model.InputRef, Address: "parameters('" + name + "')"}
}

func res(address string) model.Ref { return model.Ref{Kind: model.ResourceRef, Address: address} }

func idRef(address string) model.Ref { return model.Ref{Kind: model.IDRef, Address: address} }

func strs(ss ...string) cty.Value {
	vals := make([]cty.Value, len(ss))
	for i, s := range ss {
		vals[i] = cty.StringVal(s)
	}
	return cty.TupleVal(vals)
}

func nums(ns ...int64) cty.Value {
	vals := make([]cty.Value, len(ns))
	for i, n := range ns {
		vals[i] = cty.NumberIntVal(n)
	}
	return cty.TupleVal(vals)
}

func obj(attrs map[string]cty.Value) cty.Value { return cty.ObjectVal(attrs) }

var (
	num   = cty.NumberIntVal
	sval  = cty.StringVal
	unStr = cty.UnknownVal(cty.String)
	unNum = cty.UnknownVal(cty.Number)
	unBoo = cty.UnknownVal(cty.Bool)
	null  = cty.NullVal(cty.DynamicPseudoType)
)

var scope = testScope{
	params: map[string]cty.Value{
		"env":         sval("prod"),
		"marked":      sval("oai").Mark(in("marked")),
		"unknown":     unStr.Mark(in("unknown")),
		"unknownBool": unBoo.Mark(in("unknownBool")),
		"unknownNum":  unNum.Mark(in("unknownNum")),
		"dyn":         cty.DynamicVal.Mark(in("dyn")),
		"flag":        cty.True,
		"num":         num(5),
		"list":        strs("a", "b", "c"),
		"mlist":       strs("m").Mark(in("mlist")),
		"cfg": obj(map[string]cty.Value{
			"network": cty.TupleVal([]cty.Value{
				obj(map[string]cty.Value{"id": sval("net1")}),
				obj(map[string]cty.Value{"id": sval("net2")}),
			}),
			"Name":   sval("x"),
			"secret": sval("s3cr3t").Mark(in("cfg.secret")),
		}),
		"mcfg": obj(map[string]cty.Value{"a": sval("x")}).Mark(in("mcfg")),
		"tags": cty.MapVal(map[string]cty.Value{"Env": sval("prod")}),
	},
	vars: map[string]cty.Value{
		"name":   sval("oai"),
		"prefix": sval("oai-"),
	},
	loops:   map[string]int{"": 2, "disks": 5},
	symbols: map[string]model.Ref{"acct": res("Microsoft.CognitiveServices/accounts/aif")},
}

func TestEval(t *testing.T) {
	tests := []struct {
		text string
		want cty.Value
	}{
		// The realistic ones.
		{"concat('oai-', uniqueString(resourceGroup().id))", unStr},
		{"if(equals(parameters('env'), 'prod'), 'Disabled', 'Enabled')", sval("Disabled")},
		{
			"reference(resourceId('Microsoft.CognitiveServices/accounts', variables('name')), '2023-05-01').endpoint",
			cty.DynamicVal.Mark(idRef("Microsoft.CognitiveServices/accounts/oai")),
		},
		{"concat(variables('prefix'), copyIndex(1))", sval("oai-3")},
		{"format('{0}-{1:D3}', parameters('marked'), copyIndex())", sval("oai-002").Mark(in("marked"))},

		// Literals, parameters and variables; marks stay on what they mark.
		{"'it''s'", sval("it's")},
		{"-7", num(-7)},
		{"parameters('env')", sval("prod")},
		{"parameters('marked')", sval("oai").Mark(in("marked"))},
		{"parameters('unknown')", unStr.Mark(in("unknown"))},
		{"variables('name')", sval("oai")},
		{"PARAMETERS('env')", sval("prod")},
		{"parameters(parameters('unknown'))", cty.DynamicVal.Mark(in("unknown"))},
		{"parameters(5)", cty.DynamicVal},

		// Property and index access.
		{"parameters('cfg').network[0].id", sval("net1")},
		{"parameters('cfg').NETWORK[1].ID", sval("net2")},
		{"parameters('cfg')['network'][1]['id']", sval("net2")},
		{"parameters('cfg').name", sval("x")},
		{"parameters('cfg').secret", sval("s3cr3t").Mark(in("cfg.secret"))},
		{"parameters('cfg').missing", cty.DynamicVal},
		{"parameters('cfg').network[2]", cty.DynamicVal},
		{"parameters('cfg').network[-1]", cty.DynamicVal},
		{"parameters('cfg').network['a']", cty.DynamicVal},
		{"parameters('mcfg').a", sval("x").Mark(in("mcfg"))},
		{"parameters('tags').env", sval("prod")},
		{"parameters('dyn').a[0].b", cty.DynamicVal.Mark(in("dyn"))},
		{"parameters('env').length", cty.DynamicVal},
		{"parameters('list')[parameters('unknownNum')]", cty.DynamicVal.Mark(in("unknownNum"))},
		{"parameters('list')[parameters('num')]", cty.DynamicVal},
		{"createArray(parameters('marked'), 'b')[0]", sval("oai").Mark(in("marked"))},
		{"createArray(parameters('marked'), 'b')[1]", sval("b")},
		{"null().a", cty.DynamicVal},

		// Logic.
		{"if(true(), 1, 2)", num(1)},
		{"if(false(), 1, 2)", num(2)},
		{"if(parameters('flag'), parameters('marked'), 'x')", sval("oai").Mark(in("marked"))},
		{"if(equals(parameters('marked'), 'oai'), 'yes', 'no')", sval("yes").Mark(in("marked"))},
		{"if(parameters('unknownBool'), 'a', 'b')", unStr.Mark(in("unknownBool"))},
		{"if(parameters('unknownBool'), 'a', parameters('marked'))", unStr.WithMarks(cty.NewValueMarks(in("unknownBool"), in("marked")))},
		{"if(parameters('unknownBool'), 'a', 1)", cty.DynamicVal.Mark(in("unknownBool"))},
		{"if('yes', 'a', 'b')", cty.DynamicVal},
		{"and(true(), true(), true())", cty.True},
		{"and(true(), false())", cty.False},
		{"and(parameters('unknownBool'), false())", cty.False},
		{"and(parameters('unknownBool'), true())", unBoo.Mark(in("unknownBool"))},
		{"and(true(), 'x')", unBoo},
		{"or(false(), false())", cty.False},
		{"or(parameters('unknownBool'), parameters('flag'))", cty.True},
		{"or(parameters('unknownBool'), false())", unBoo.Mark(in("unknownBool"))},
		{"not(true())", cty.False},
		{"not(parameters('unknownBool'))", unBoo.Mark(in("unknownBool"))},
		{"not('x')", unBoo},
		{"coalesce(null(), 'a', 'b')", sval("a")},
		{"coalesce(null(), parameters('marked'))", sval("oai").Mark(in("marked"))},
		{"coalesce(null(), null())", null},
		{"coalesce(parameters('unknown'), 'a')", cty.DynamicVal.Mark(in("unknown"))},
		{"coalesce('a', parameters('unknown'))", sval("a")},
		{"equals('a', 'a')", cty.True},
		{"equals('A', 'a')", cty.False},
		{"equals(1, '1')", cty.False},
		{"equals(null(), null())", cty.True},
		{"equals(null(), 'a')", cty.False},
		{"equals(createArray(1, 'a'), createArray(1, 'a'))", cty.True},
		{"equals(createArray(1, 'a'), createArray(1))", cty.False},
		{"equals(createObject('a', createArray(1)), createObject('a', createArray(1)))", cty.True},
		{"equals(createObject('a', 1), createObject('b', 1))", cty.False},
		{"equals(parameters('unknown'), 'x')", unBoo.Mark(in("unknown"))},
		{"equals(parameters('unknown'), 5)", cty.False.Mark(in("unknown"))},
		{"equals(parameters('unknown'), null())", unBoo.Mark(in("unknown"))},
		{"equals(createArray(parameters('unknown'), 1), createArray('a', 2))", cty.False.Mark(in("unknown"))},
		{"equals(createArray(parameters('unknown'), 1), createArray('a', 1))", unBoo.Mark(in("unknown"))},
		{"less(1, 2)", cty.True},
		{"less('b', 'a')", cty.False},
		{"lessOrEquals(2, 2)", cty.True},
		{"greater('b', 'a')", cty.True},
		{"greaterOrEquals(1, 2)", cty.False},
		{"less(1, 'a')", unBoo},
		{"less(true(), false())", unBoo},
		{"less(parameters('unknownNum'), 1)", unBoo.Mark(in("unknownNum"))},
		{"true()", cty.True},
		{"false()", cty.False},
		{"null()", null},

		// Strings.
		{"concat('a', 'b', 'c')", sval("abc")},
		{"concat('vm', 1, true())", sval("vm1True")},
		{"concat('a', parameters('unknown'))", unStr.Mark(in("unknown"))},
		{"concat('a', parameters('marked'))", sval("aoai").Mark(in("marked"))},
		{"concat('a', createArray(1))", cty.DynamicVal},
		{"concat('a', createObject())", unStr},
		{"concat(createArray(1), createArray(2, 3))", nums(1, 2, 3)},
		{"concat(parameters('mlist'), createArray('z'))", strs("m", "z").Mark(in("mlist"))},
		{"concat(createArray(1), parameters('dyn'))", cty.DynamicVal.Mark(in("dyn"))},
		{"format('{0}, {1}!', 'Hello', 'World')", sval("Hello, World!")},
		{"format('Hello, {0}. Formatted number: {1:N0}', 'User', 8175133)", sval("Hello, User. Formatted number: 8,175,133")},
		{"format('{0:N2}', -1234)", sval("-1,234.00")},
		{"format('{0:F1}', 3)", sval("3.0")},
		{"format('{0:X4}|{0:x}', 255)", sval("00FF|ff")},
		{"format('{0:D3}', -7)", sval("-007")},
		{"format('{{{0}}}', 'x')", sval("{x}")},
		{"format('{0,5}|{0,-5}|', 'ab')", sval("   ab|ab   |")},
		{"format('{0} {1} {2:D2}', true(), null(), 'ignored')", sval("True  ignored")},
		{"format('{1}', 'a')", unStr},
		{"format('{0', 'a')", unStr},
		{"format('}', 'a')", unStr},
		{"format('{0:#,##0}', 5)", unStr},
		{"format('{0:X}', -1)", unStr},
		{"format('{0}', createArray())", unStr},
		{"format('{0}', parameters('unknown'))", unStr.Mark(in("unknown"))},
		{"toLower('ABC')", sval("abc")},
		{"toUpper(parameters('marked'))", sval("OAI").Mark(in("marked"))},
		{"toUpper(parameters('unknown'))", unStr.Mark(in("unknown"))},
		{"toLower(1)", unStr},
		{"trim('  a b \t')", sval("a b")},
		{"startsWith('abcdef', 'AB')", cty.True},
		{"startsWith('abcdef', 'b')", cty.False},
		{"endsWith('abcdef', 'EF')", cty.True},
		{"indexOf('abcdef', 'CD')", num(2)},
		{"indexOf('héllo', 'L')", num(2)},
		{"indexOf('abc', 'z')", num(-1)},
		{"indexOf('abc', '')", num(0)},
		{"indexOf(1, 'a')", unNum},
		{"lastIndexOf('test', 't')", num(3)},
		{"lastIndexOf('abcdef', 'AB')", num(0)},
		{"split('one,two,three', ',')", strs("one", "two", "three")},
		{"split('one;two,three', createArray(',', ';'))", strs("one", "two", "three")},
		{"split('a--b-c', createArray('-', '--'))", strs("a", "", "b", "c")},
		{"split('a--b-c', createArray('--', '-'))", strs("a", "b", "c")},
		{"split(',', ',')", strs("", "")},
		{"split('abc', '')", cty.DynamicVal},
		{"split('abc', createArray(1))", cty.DynamicVal},
		{"replace('123-123-1234', '-', '')", sval("1231231234")},
		{"replace('a', '', 'b')", unStr},
		{"substring('one two three', 4, 3)", sval("two")},
		{"substring('héllo', 1)", sval("éllo")},
		{"substring('abc', 3)", sval("")},
		{"substring('abc')", sval("abc")},
		{"substring('abc', 2, 5)", unStr},
		{"substring('abc', -1)", unStr},
		{"substring('abc', 'x')", unStr},
		{"padLeft('123', 10, '0')", sval("0000000123")},
		{"padLeft(7, 3, '0')", sval("007")},
		{"padLeft('abcd', 2)", sval("abcd")},
		{"padLeft('a', 3)", sval("  a")},
		{"padLeft('a', 3, 'xy')", unStr},
		{"padLeft('a', 100000000)", unStr},
		{"join(createArray('a', 'b', 1), ', ')", sval("a, b, 1")},
		{"join(createArray(createArray()), ',')", unStr},
		{"string(createObject('valueA', 10, 'valueB', 'Example Text'))", sval(`{"valueA":10,"valueB":"Example Text"}`)},
		{"string(createArray('a', true(), null(), 'q\"\\'))", sval(`["a",true,null,"q\"\\"]`)},
		{"string(5)", sval("5")},
		{"string(true())", sval("True")},
		{"string('x')", sval("x")},
		{"string(null())", sval("")},
		{"string(float('2.5'))", sval("2.5")},
		{"string(json('[1e400, 0.25, 12345678901234567890]'))", sval("[1e+400,0.25,12345678901234567890]")},
		{`string(json('["\t\n\r\b\f\u0001\u2028<&>é"]'))`, sval(`["\t\n\r\b\f\u0001\u2028<&>é"]`)},
		{"string(parameters('cfg'))", sval(`{"Name":"x","network":[{"id":"net1"},{"id":"net2"}],"secret":"s3cr3t"}`).Mark(in("cfg.secret"))},
		{"base64('one, two, three')", sval("b25lLCB0d28sIHRocmVl")},
		{"base64ToString('b25lLCB0d28sIHRocmVl')", sval("one, two, three")},
		{"base64ToString('!!')", unStr},
		{"base64ToJson('!!')", cty.DynamicVal},
		{"base64ToJson(base64('{\"one\": \"a\", \"two\": [1]}'))", obj(map[string]cty.Value{"one": sval("a"), "two": nums(1)})},
		{"dataUri('Hello')", sval("data:text/plain;charset=utf8;base64,SGVsbG8=")},
		{"dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')", sval("Hello, World!")},
		{"dataUriToString('data:text/plain,a%20b')", sval("a b")},
		{"dataUriToString('Hello')", unStr},
		{"uri('http://contoso.com/resources/', 'nested/azuredeploy.json')", sval("http://contoso.com/resources/nested/azuredeploy.json")},
		{"uri('http://contoso.com/resources/a.json', 'b.json')", sval("http://contoso.com/resources/b.json")},
		{"uri('relative', 'b.json')", unStr},
		{"uri('http://x/', '%zz')", unStr},
		{"uriComponent('http://contoso.com/a b~')", sval("http%3A%2F%2Fcontoso.com%2Fa%20b~")},
		{"uriComponentToString('http%3A%2F%2Fcontoso.com%2Fa%20b~')", sval("http://contoso.com/a b~")},
		{"uriComponentToString('%zz')", unStr},
		{"uniqueString(resourceGroup().id, 'x')", unStr},
		{"guid(parameters('marked'))", unStr.Mark(in("marked"))},
		{"newGuid()", unStr},
		{"utcNow('u')", unStr},

		// Conversions.
		{"int('4')", num(4)},
		{"int(' -4 ')", num(-4)},
		{"int(4)", num(4)},
		{"int('x')", unNum},
		{"int(parameters('unknown'))", unNum.Mark(in("unknown"))},
		{"float('2.5')", cty.NumberFloatVal(2.5)},
		{"float(3)", num(3)},
		{"float('NaN')", unNum},
		{"bool('TRUE')", cty.True},
		{"bool('false')", cty.False},
		{"bool(0)", cty.False},
		{"bool(2)", cty.True},
		{"bool(true())", cty.True},
		{"bool('yes')", unBoo},
		{"json('{\"a\": [1, true, null, \"s\"], \"b\": {}}')", obj(map[string]cty.Value{
			"a": cty.TupleVal([]cty.Value{num(1), cty.True, null, sval("s")}),
			"b": cty.EmptyObjectVal,
		})},
		{"json('null')", null},
		{"json('1.5')", cty.NumberFloatVal(1.5)},
		{"json('{')", cty.DynamicVal},
		{"json('1 2')", cty.DynamicVal},
		{"json(1)", cty.DynamicVal},
		{"json(parameters('unknown'))", cty.DynamicVal.Mark(in("unknown"))},
		{"json(concat('{\"a\": \"', parameters('marked'), '\"}')).a", sval("oai").Mark(in("marked"))},

		// Arrays and objects.
		{"createArray()", cty.EmptyTupleVal},
		{"createArray(1, 'a', parameters('unknown'))", cty.TupleVal([]cty.Value{num(1), sval("a"), unStr.Mark(in("unknown"))})},
		{"createObject()", cty.EmptyObjectVal},
		{"createObject('a', 1, 'b', parameters('marked'))", obj(map[string]cty.Value{"a": num(1), "b": sval("oai").Mark(in("marked"))})},
		{"createObject(parameters('marked'), 1)", obj(map[string]cty.Value{"oai": num(1)}).Mark(in("marked"))},
		{"createObject(parameters('unknown'), 1)", cty.DynamicVal.Mark(in("unknown"))},
		{"array('a')", strs("a")},
		{"array(createArray(1))", nums(1)},
		{"array(parameters('marked'))", cty.TupleVal([]cty.Value{sval("oai").Mark(in("marked"))})},
		{"array(parameters('dyn'))", cty.DynamicVal.Mark(in("dyn"))},
		{"array(parameters('unknown'))", cty.TupleVal([]cty.Value{unStr.Mark(in("unknown"))})},
		{"length('héllo')", num(5)},
		{"length(createArray(1, 2))", num(2)},
		{"length(createArray(parameters('unknown')))", num(1)},
		{"length(parameters('cfg'))", num(3)},
		{"length(parameters('tags'))", num(1)},
		{"length(parameters('mlist'))", num(1).Mark(in("mlist"))},
		{"length(parameters('unknown'))", unNum.Mark(in("unknown"))},
		{"length(5)", unNum},
		{"empty('')", cty.True},
		{"empty(createArray())", cty.True},
		{"empty(createObject())", cty.True},
		{"empty(null())", cty.True},
		{"empty(parameters('list'))", cty.False},
		{"empty(parameters('unknown'))", unBoo.Mark(in("unknown"))},
		{"contains('OneTwoThree', 'Two')", cty.True},
		{"contains('OneTwoThree', 'two')", cty.False},
		{"contains('a1', 1)", cty.True},
		{"contains(createArray('a', 1), 1)", cty.True},
		{"contains(createArray('a', 1), '1')", cty.False},
		{"contains(parameters('cfg'), 'NAME')", cty.True.Mark(in("cfg.secret"))},
		{"contains(createObject('a', 1), 'b')", cty.False},
		{"contains(createArray(parameters('unknown'), 'b'), 'b')", cty.True.Mark(in("unknown"))},
		{"contains(createArray(parameters('unknown')), 'b')", unBoo.Mark(in("unknown"))},
		{"contains(1, 1)", unBoo},
		{"contains(createObject('a', 1), 1)", unBoo},
		{"contains('a', createArray())", unBoo},
		{"first('abc')", sval("a")},
		{"first('')", sval("")},
		{"first(createArray(parameters('marked'), 'b'))", sval("oai").Mark(in("marked"))},
		{"first(parameters('mlist'))", sval("m").Mark(in("mlist"))},
		{"first(createArray())", cty.DynamicVal},
		{"first(parameters('unknown'))", unStr.Mark(in("unknown"))},
		{"last(createArray(1, 2, 3))", num(3)},
		{"last('abc')", sval("c")},
		{"take(createArray(1, 2, 3), 2)", nums(1, 2)},
		{"take('abc', 5)", sval("abc")},
		{"take(createArray(1), -1)", cty.EmptyTupleVal},
		{"take(parameters('list'), parameters('unknownNum'))", cty.DynamicVal.Mark(in("unknownNum"))},
		{"take(parameters('unknown'), 1)", unStr.Mark(in("unknown"))},
		{"skip(createArray(1, 2, 3), 1)", nums(2, 3)},
		{"skip('one two', 4)", sval("two")},
		{"skip('abc', 10)", sval("")},
		{"union(createObject('a', 1, 'n', createObject('x', 1)), createObject('A', 2, 'n', createObject('y', 2)))",
			obj(map[string]cty.Value{"a": num(2), "n": obj(map[string]cty.Value{"x": num(1), "y": num(2)})})},
		{"union(createObject('a', createArray(1)), createObject('a', createArray(2)))", obj(map[string]cty.Value{"a": nums(2)})},
		{"union(createObject('a', parameters('dyn')), createObject('a', createObject('b', 1)))", obj(map[string]cty.Value{"a": cty.DynamicVal.Mark(in("dyn"))})},
		{"union(createObject('a', parameters('dyn')), createObject('a', 'b'))", obj(map[string]cty.Value{"a": sval("b")})},
		{"union(parameters('mcfg'), createObject('b', parameters('marked')))", obj(map[string]cty.Value{"a": sval("x"), "b": sval("oai").Mark(in("marked"))}).Mark(in("mcfg"))},
		{"union(createArray(1, 2), createArray(2, 3), createArray(1, 4))", nums(1, 2, 3, 4)},
		{"shallowMerge(createArray(createObject('a', 1, 'n', createObject('x', 1)), createObject('A', 2, 'n', createObject('y', 2))))",
			obj(map[string]cty.Value{"a": num(2), "n": obj(map[string]cty.Value{"y": num(2)})})},
		{"shallowMerge(createArray())", obj(map[string]cty.Value{})},
		{"shallowMerge(createArray(createObject('a', 1), parameters('dyn')))", cty.DynamicVal.Mark(in("dyn"))},
		{"union(createArray(createArray('a')), createArray(createArray('a'), createArray('b')))", cty.TupleVal([]cty.Value{strs("a"), strs("b")})},
		{"union(createArray(parameters('unknown')), createArray(1))", cty.DynamicVal.Mark(in("unknown"))},
		{"union(createArray(1), parameters('dyn'))", cty.DynamicVal.Mark(in("dyn"))},
		{"union(createArray(1), createObject())", cty.DynamicVal},
		{"intersection(createObject('a', 1, 'b', 2, 'c', 3), createObject('a', 1, 'b', 3))", obj(map[string]cty.Value{"a": num(1)})},
		{"intersection(createObject('a', parameters('unknown')), createObject('a', 'x'))", cty.DynamicVal.Mark(in("unknown"))},
		{"intersection(createArray(1, 2, 3, 2), createArray(3, 2), createArray(2, 3, 4))", nums(2, 3)},
		{"intersection(createArray(1), createArray(parameters('unknown')))", cty.DynamicVal.Mark(in("unknown"))},
		{"items(createObject('b', 2, 'a', 1))", cty.TupleVal([]cty.Value{
			obj(map[string]cty.Value{"key": sval("a"), "value": num(1)}),
			obj(map[string]cty.Value{"key": sval("b"), "value": num(2)}),
		})},
		{"items(parameters('mcfg'))[0].value", sval("x").Mark(in("mcfg"))},
		{"items(createArray())", cty.DynamicVal},
		{"objectKeys(createObject('b', 2, 'a', 1))", strs("a", "b")},
		{"objectKeys(parameters('dyn'))", cty.DynamicVal.Mark(in("dyn"))},
		{"tryGet(parameters('cfg'), 'network', 0, 'id')", sval("net1")},
		{"tryGet(parameters('cfg'), 'missing')", null},
		{"tryGet(parameters('mcfg'), 'missing')", null.Mark(in("mcfg"))},
		{"tryGet(parameters('list'), 3)", null},
		{"tryGet(parameters('dyn'), 'a')", cty.DynamicVal.Mark(in("dyn"))},
		{"range(5, 3)", nums(5, 6, 7)},
		{"range(0, 0)", cty.EmptyTupleVal},
		{"range(0, 10001)", cty.DynamicVal},
		{"range(2147483647, 1)", cty.DynamicVal},

		// Numbers.
		{"min(3, 1, 2)", num(1)},
		{"max(createArray(3, 7, 2))", num(7)},
		{"min(createArray())", unNum},
		{"max(1, 'a')", unNum},
		{"add(1, 2)", num(3)},
		{"add(parameters('num'), parameters('unknownNum'))", unNum.Mark(in("unknownNum"))},
		{"sub(1, 3)", num(-2)},
		{"mul(3, 4)", num(12)},
		{"div(7, 2)", num(3)},
		{"div(-7, 2)", num(-3)},
		{"mod(7, 3)", num(1)},
		{"mod(-7, 2)", num(-1)},
		{"div(1, 0)", unNum},
		{"mod(1, 0)", unNum},
		{"add(9223372036854775807, 1)", unNum},
		{"add('1', 2)", unNum},

		// Deployment values.
		{"subscription().subscriptionId", unStr},
		{"subscription().missing", cty.DynamicVal},
		{"resourceGroup().location", unStr},
		{"resourceGroup().type", sval("Microsoft.Resources/resourceGroups")},
		{"resourceGroup().tags.env", cty.DynamicVal},
		{"deployment().name", unStr},
		{"deployment().properties.templateLink.uri", cty.DynamicVal},
		{"environment().suffixes.storage", cty.DynamicVal},
		{"tenant().tenantId", cty.DynamicVal},
		{"managementGroup().id", cty.DynamicVal},

		// copyIndex.
		{"copyIndex()", num(2)},
		{"copyIndex(1)", num(3)},
		{"copyIndex('disks')", num(5)},
		{"copyIndex('disks', 10)", num(15)},
		{"copyIndex('nope')", unNum},
		{"copyIndex(parameters('unknownNum'))", unNum.Mark(in("unknownNum"))},
		{"copyIndex('disks', 'x')", unNum},
		{"copyIndex(1, 2)", unNum},

		// Resource IDs: unknown, marked with the resource they name.
		{"resourceId('Microsoft.CognitiveServices/accounts', 'oai')", unStr.Mark(idRef("Microsoft.CognitiveServices/accounts/oai"))},
		{"resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')", unStr.Mark(idRef("Microsoft.Network/virtualNetworks/vnet/subnets/default"))},
		{"resourceId('rg', 'Microsoft.X/a', 'n')", unStr.Mark(idRef("Microsoft.X/a/n"))},
		{"resourceId('00000000-0000-0000-0000-000000000000', 'rg', 'Microsoft.X/a/b', 'n1', 'n2')", unStr.Mark(idRef("Microsoft.X/a/n1/b/n2"))},
		{"resourceId(subscription().subscriptionId, resourceGroup().name, 'Microsoft.X/a', 'n')", unStr.Mark(idRef("Microsoft.X/a/n"))},
		{"resourceId('Microsoft.X/a', parameters('marked'))", unStr.WithMarks(cty.NewValueMarks(idRef("Microsoft.X/a/oai"), in("marked")))},
		{"resourceId('Microsoft.X/a/b', parameters('unknown'), 'child')", unStr.WithMarks(cty.NewValueMarks(idRef("Microsoft.X/a/?/b/child"), in("unknown")))},
		{"resourceId('Microsoft.X/a/b', 'n', '')", unStr.Mark(idRef("Microsoft.X/a/n/b/?"))},
		{"resourceId(parameters('unknown'), 'n')", unStr.Mark(in("unknown"))},
		{"subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg')", unStr.Mark(idRef("Microsoft.Resources/resourceGroups/rg"))},
		{"subscriptionResourceId('sub', 'Microsoft.Resources/resourceGroups', 'rg')", unStr.Mark(idRef("Microsoft.Resources/resourceGroups/rg"))},
		{"tenantResourceId('Microsoft.Management/managementGroups', 'mg')", unStr.Mark(idRef("Microsoft.Management/managementGroups/mg"))},
		{"managementGroupResourceId('mg', 'Microsoft.Authorization/policyDefinitions', 'p')", unStr.Mark(idRef("Microsoft.Authorization/policyDefinitions/p"))},
		// An extension resource's ID holds the ID of what it extends, which it need not mark again.
		{"extensionResourceId(resourceId('Microsoft.X/a', 'n'), 'Microsoft.Authorization/locks', 'lock')",
			unStr.Mark(idRef("Microsoft.X/a/n/providers/Microsoft.Authorization/locks/lock"))},
		{"extensionResourceId(resourceId('Microsoft.X/a', parameters('unknown')), 'Microsoft.Authorization/locks', 'lock')",
			unStr.WithMarks(cty.NewValueMarks(idRef("Microsoft.X/a/?/providers/Microsoft.Authorization/locks/lock"), in("unknown")))},
		{"extensionResourceId('/subscriptions/s/resourceGroups/g', 'Microsoft.Authorization/locks', 'lock')",
			unStr.Mark(idRef("/subscriptions/s/resourceGroups/g/providers/Microsoft.Authorization/locks/lock"))},
		{"extensionResourceId(parameters('unknown'), 'Microsoft.Authorization/locks', 'lock')", unStr.Mark(in("unknown"))},

		// reference() and list*(): unknown, pointing at the resource.
		{"reference(resourceId('Microsoft.X/a', 'n'), '2023-05-01', 'Full').properties.endpoint", cty.DynamicVal.Mark(idRef("Microsoft.X/a/n"))},
		{"reference('oai')", cty.DynamicVal.Mark(res("oai"))},
		{"reference('acct').properties.endpoint", cty.DynamicVal.Mark(res("Microsoft.CognitiveServices/accounts/aif"))},
		{"reference(variables('name')).endpoint", cty.DynamicVal.Mark(res("oai"))},
		{"reference(parameters('marked'))", cty.DynamicVal.WithMarks(cty.NewValueMarks(res("oai"), in("marked")))},
		{"reference('/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s1')",
			cty.DynamicVal.Mark(idRef("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/s1"))},
		{"reference('Microsoft.Network/virtualNetworks/v')", cty.DynamicVal.Mark(idRef("Microsoft.Network/virtualNetworks/v"))},
		{"reference('/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks')", cty.DynamicVal.Mark(res("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks"))},
		{"reference(parameters('unknown'))", cty.DynamicVal.Mark(in("unknown"))},
		{"listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-01-01').keys[0].value", cty.DynamicVal.Mark(idRef("Microsoft.Storage/storageAccounts/st"))},
		{"LISTSECRETS('st', '2023-01-01')", cty.DynamicVal.Mark(res("st"))},
		{"listKeys('acct', '2023-01-01')", cty.DynamicVal.Mark(res("Microsoft.CognitiveServices/accounts/aif"))},
		{"listConnectionStrings(resourceId('Microsoft.DocumentDB/databaseAccounts', parameters('unknown')), '2023-01-01')",
			cty.DynamicVal.WithMarks(cty.NewValueMarks(idRef("Microsoft.DocumentDB/databaseAccounts/?"), in("unknown")))},

		// What this package does not know.
		{"pickZones('Microsoft.Compute', 'virtualMachines', 'westus2')", cty.DynamicVal},
		{"someFutureFunction(parameters('marked'))", cty.DynamicVal.Mark(in("marked"))},
		{"myNamespace.myFunction(parameters('marked')).prop", cty.DynamicVal.Mark(in("marked"))},
	}
	for _, tt := range tests {
		e, err := Parse(tt.text)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.text, err)
			continue
		}
		got, diags := Eval(e, scope)
		if len(diags) > 0 {
			t.Errorf("Eval(%q): unexpected diagnostics %q", tt.text, diags)
		}
		if !got.RawEquals(tt.want) {
			t.Errorf("Eval(%q)\n got %#v\nwant %#v", tt.text, got, tt.want)
		}
	}
}

func TestEvalDiagnostics(t *testing.T) {
	tests := []struct {
		text  string
		want  cty.Value
		diags []string
	}{
		{"parameters('missing')", cty.DynamicVal, []string{`parameter "missing" is not declared`}},
		{"variables('nope').x", cty.DynamicVal, []string{`variable "nope" is not declared`}},
		{"concat(parameters('a'), variables('b'))", cty.DynamicVal,
			[]string{`parameter "a" is not declared`, `variable "b" is not declared`}},
		{"toLower()", unStr, []string{"toLower takes 1 argument, got 0"}},
		{"if(true())", cty.DynamicVal, []string{"if takes 3 arguments, got 1"}},
		{"concat()", cty.DynamicVal, []string{"concat takes at least 1 argument, got 0"}},
		{"substring('a', 1, 2, 3)", unStr, []string{"substring takes 1 to 3 arguments, got 4"}},
		{"createObject('a')", cty.DynamicVal, []string{"createObject takes an even number of arguments, got 1"}},
		{"newGuid(1)", unStr, []string{"newGuid takes 0 arguments, got 1"}},
		{"listKeys('st')", cty.DynamicVal, []string{"listKeys takes 2 to 3 arguments, got 1"}},
		// The arguments of a call with the wrong count are still checked, and their marks kept.
		{"toLower(parameters('marked'), parameters('x'))", unStr.Mark(in("marked")),
			[]string{"toLower takes 1 argument, got 2", `parameter "x" is not declared`}},
		// Only the branch a known condition picks is evaluated, as in ARM.
		{"if(true(), 'a', parameters('missing'))", sval("a"), nil},
		{"if(parameters('unknownBool'), 'a', parameters('missing'))", cty.DynamicVal.Mark(in("unknownBool")),
			[]string{`parameter "missing" is not declared`}},
		// Undecidable or failing at deployment is not the user's mistake here.
		{"copyIndex('nope')", unNum, nil},
		{"div(1, 0)", unNum, nil},
		{"parameters('cfg').missing", cty.DynamicVal, nil},
	}
	for _, tt := range tests {
		e, err := Parse(tt.text)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.text, err)
			continue
		}
		got, diags := Eval(e, scope)
		if !slices.Equal(diags, tt.diags) {
			t.Errorf("Eval(%q) diagnostics = %q, want %q", tt.text, diags, tt.diags)
		}
		if !got.RawEquals(tt.want) {
			t.Errorf("Eval(%q)\n got %#v\nwant %#v", tt.text, got, tt.want)
		}
	}
}

// TestEvalLimits checks that expressions written to build huge values give up rather than exhaust memory.
func TestEvalLimits(t *testing.T) {
	big := "padLeft('', 1000000, 'a')"
	tests := []string{
		"format('{0}{0}', " + big + ")",
		"replace(" + big + ", 'a', 'aa')",
		"concat(" + big + ", " + big + ")",
		"string(createArray(" + big + ", " + big + "))",
		"join(createArray(" + big + ", " + big + "), '')",
		"base64(" + big + ")",
		"format('{0,2000000}', 'a')",
		"split(padLeft('', 100000, ','), ',')",
	}
	for _, text := range tests {
		e, err := Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q): %v", text, err)
		}
		if got, _ := Eval(e, scope); got.IsKnown() {
			t.Errorf("Eval(%q) is known, want unknown", text)
		}
	}
}

func TestCall(t *testing.T) {
	for _, tc := range []struct {
		name        string
		args        []cty.Value
		want        cty.Value
		wantProblem string
		wantFound   bool
	}{
		{name: "toLower", args: []cty.Value{cty.StringVal("AbC")}, want: cty.StringVal("abc"), wantFound: true},
		{name: "concat", args: []cty.Value{cty.StringVal("a"), cty.UnknownVal(cty.String)}, want: cty.UnknownVal(cty.String), wantFound: true},
		{name: "listKeys", args: []cty.Value{cty.StringVal("id"), cty.StringVal("2024-10-01")}, want: cty.DynamicVal.Mark(model.Ref{Kind: model.ResourceRef, Address: "id"}), wantFound: true},
		{name: "length", args: nil, want: cty.UnknownVal(cty.Number), wantProblem: "length takes 1 argument, got 0", wantFound: true},
		{name: "parameters", args: []cty.Value{cty.StringVal("p")}, want: cty.DynamicVal, wantFound: false},
		{name: "noSuchFunction", args: nil, want: cty.DynamicVal, wantFound: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, problem, found := Call(tc.name, tc.args)
			if !got.RawEquals(tc.want) || problem != tc.wantProblem || found != tc.wantFound {
				t.Errorf("Call(%s) = %#v, %q, %v; want %#v, %q, %v", tc.name, got, problem, found, tc.want, tc.wantProblem, tc.wantFound)
			}
		})
	}
}
