package syntax

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// Builders for expected trees, whose ranges the comparison ignores.

func id(name string) *Ident             { return &Ident{Name: name} }
func str(text string) *String           { return &String{Parts: []string{text}} }
func num(text string) *Int              { return &Int{Text: text} }
func obj(items ...ObjectItem) *Object   { return &Object{Items: items} }
func arr(items ...Expr) *Array          { return &Array{Items: items} }
func prop(key string, v Expr) *Property { return &Property{Key: id(key), Value: v} }
func lit(v Expr) *LiteralType           { return &LiteralType{Value: v} }
func bin(op string, x, y Expr) *Binary  { return &Binary{Op: op, X: x, Y: y} }

func call(name string, args ...Expr) *Call { return &Call{Name: id(name), Args: args} }

func deco(name string, args ...Expr) *Decorator { return &Decorator{Call: call(name, args...)} }

func named(names ...string) *NamedType {
	t := &NamedType{}
	for _, n := range names {
		t.Name = append(t.Name, id(n))
	}
	return t
}

func interp(parts []string, exprs ...Expr) *String { return &String{Parts: parts, Exprs: exprs} }

func varDecl(name string, value Expr) *Var { return &Var{Name: id(name), Value: value} }

// ignoreRanges leaves positions out of a comparison of trees.
var ignoreRanges = cmp.FilterPath(func(p cmp.Path) bool {
	f, ok := p.Last().(cmp.StructField)
	return ok && (f.Name() == "Rng" || f.Name() == "NameRange")
}, cmp.Ignore())

var parseCases = []struct {
	name string
	file string // main.bicep when empty
	src  string
	want []Decl
}{{
	name: "target scope and metadata",
	src:  "targetScope = 'subscription'\nmetadata description = 'An account'\n",
	want: []Decl{
		&TargetScope{Value: str("subscription")},
		&Metadata{Name: id("description"), Value: str("An account")},
	},
}, {
	name: "decorated param",
	src: "@description('The name')\n@minLength(3) @maxLength(24)\n@sys.secure()\n\nparam name string = 'abc'\n" +
		"@allowed([\n  'S0'\n  'S1'\n])\nparam sku string?\n",
	want: []Decl{
		&Param{
			Decorators: []*Decorator{
				deco("description", str("The name")), deco("minLength", num("3")), deco("maxLength", num("24")),
				{Call: &Call{Receiver: id("sys"), Name: id("secure")}},
			},
			Name: id("name"), Type: named("string"), Default: str("abc"),
		},
		&Param{
			Decorators: []*Decorator{deco("allowed", arr(str("S0"), str("S1")))},
			Name:       id("sku"), Type: &NullableType{Elem: named("string")},
		},
	},
}, {
	name: "resource-typed param and output",
	src: "param sa resource 'Microsoft.Storage/storageAccounts@2023-01-01'\n" +
		"output acct resource 'Microsoft.Storage/storageAccounts@2023-01-01' = sa\noutput any resource = sa\n",
	want: []Decl{
		&Param{Name: id("sa"), Type: &ResourceType{TypeRef: str("Microsoft.Storage/storageAccounts@2023-01-01")}},
		&Output{Name: id("acct"), Type: &ResourceType{TypeRef: str("Microsoft.Storage/storageAccounts@2023-01-01")}, Value: id("sa")},
		&Output{Name: id("any"), Type: &ResourceType{}, Value: id("sa")},
	},
}, {
	name: "params file",
	file: "main.bicepparam",
	src:  "using './main.bicep'\nextends 'base.bicepparam'\nparam location = 'westeurope'\nparam tags = {\n  env: 'dev'\n}\nvar suffix = 'x'\n",
	want: []Decl{
		&Using{Path: str("./main.bicep")},
		&Extends{Path: str("base.bicepparam")},
		&Param{Name: id("location"), Default: str("westeurope")},
		&Param{Name: id("tags"), Default: obj(prop("env", str("dev")))},
		varDecl("suffix", str("x")),
	},
}, {
	name: "params file using none and with",
	file: "stack.bicepparam",
	src:  "using none\nusing 'main.bicep' with {\n  mode: 'stack'\n}\n",
	want: []Decl{
		&Using{},
		&Using{Path: str("main.bicep"), Config: obj(prop("mode", str("stack")))},
	},
}, {
	name: "typed and untyped variables",
	src:  "var a = 1\nvar b string = 'x'\nvar c {\n  n: int\n} = {\n  n: 1\n}\n",
	want: []Decl{
		varDecl("a", num("1")),
		&Var{Name: id("b"), Type: named("string"), Value: str("x")},
		&Var{Name: id("c"), Type: &ObjectType{Properties: []*TypeProperty{{Name: "n", Type: named("int")}}}, Value: obj(prop("n", num("1")))},
	},
}, {
	name: "resource with keyword property names",
	src: "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: name\n  kind: 'OpenAI'\n" +
		"  properties: {\n    publicNetworkAccess: 'Disabled'\n    disableLocalAuth: true\n    if: null\n    resource: 1\n    'odd-key': 2\n  }\n}\n",
	want: []Decl{&Resource{
		Name: id("acct"), TypeRef: str("Microsoft.CognitiveServices/accounts@2024-10-01"),
		Value: obj(
			prop("name", id("name")),
			prop("kind", str("OpenAI")),
			prop("properties", obj(
				prop("publicNetworkAccess", str("Disabled")),
				prop("disableLocalAuth", &Bool{Value: true}),
				prop("if", &Null{}),
				prop("resource", num("1")),
				&Property{Key: str("odd-key"), Value: num("2")},
			)),
		),
	}},
}, {
	name: "existing resource with nested child resources",
	src: "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' existing = {\n  name: 'vnet'\n" +
		"  @description('the subnet')\n  resource subnet 'subnets' existing = {\n    name: 'default'\n  }\n" +
		"  resource peers 'virtualNetworkPeerings' = [for p in peerings: {\n    name: p\n  }]\n}\n" +
		"output subnetId string = vnet::subnet.id\n",
	want: []Decl{
		&Resource{
			Name: id("vnet"), TypeRef: str("Microsoft.Network/virtualNetworks@2023-04-01"), Existing: true,
			Value: obj(
				prop("name", str("vnet")),
				&Resource{
					Decorators: []*Decorator{deco("description", str("the subnet"))},
					Name:       id("subnet"), TypeRef: str("subnets"), Existing: true,
					Value: obj(prop("name", str("default"))),
				},
				&Resource{
					Name: id("peers"), TypeRef: str("virtualNetworkPeerings"),
					Value: &For{Item: id("p"), Iterable: id("peerings"), Body: obj(prop("name", id("p")))},
				},
			),
		},
		&Output{Name: id("subnetId"), Type: named("string"), Value: &Access{X: &ChildAccess{X: id("vnet"), Name: id("subnet")}, Name: id("id")}},
	},
}, {
	name: "conditional resources",
	src:  "resource a 'T@v' = if (deploy && !off) {\n  name: 'a'\n}\nresource b 'T@v' =\n  if (deploy) {\n    name: 'b'\n  }\n",
	want: []Decl{
		&Resource{Name: id("a"), TypeRef: str("T@v"), Value: &If{
			Cond: bin("&&", id("deploy"), &Unary{Op: "!", X: id("off")}),
			Body: obj(prop("name", str("a"))),
		}},
		&Resource{Name: id("b"), TypeRef: str("T@v"), Value: &If{Cond: id("deploy"), Body: obj(prop("name", str("b")))}},
	},
}, {
	name: "resource loop with index and filter",
	src:  "@batchSize(1)\nresource rs 'T@v' = [for (item, i) in items: if (item.enabled) {\n  name: '${prefix}-${i}'\n}]\n",
	want: []Decl{&Resource{
		Decorators: []*Decorator{deco("batchSize", num("1"))},
		Name:       id("rs"), TypeRef: str("T@v"),
		Value: &For{
			Item: id("item"), Index: id("i"), Iterable: id("items"),
			Body: &If{
				Cond: &Access{X: id("item"), Name: id("enabled")},
				Body: obj(prop("name", interp([]string{"", "-", ""}, id("prefix"), id("i")))),
			},
		},
	}},
}, {
	name: "modules",
	src: "module m 'br/public:avm/res/storage/storage-account:0.9.0' = {\n  name: 'm'\n  params: {\n    a: 1\n  }\n}\n" +
		"module ms './mod.bicep' = [for i in range(0, 3): {\n  name: 'm${i}'\n}]\nmodule c 'ts:sub/rg/spec:v1' = if (on) {\n  name: 'c'\n}\n",
	want: []Decl{
		&Module{Name: id("m"), Path: str("br/public:avm/res/storage/storage-account:0.9.0"),
			Value: obj(prop("name", str("m")), prop("params", obj(prop("a", num("1")))))},
		&Module{Name: id("ms"), Path: str("./mod.bicep"), Value: &For{
			Item: id("i"), Iterable: call("range", num("0"), num("3")),
			Body: obj(prop("name", interp([]string{"m", ""}, id("i")))),
		}},
		&Module{Name: id("c"), Path: str("ts:sub/rg/spec:v1"), Value: &If{Cond: id("on"), Body: obj(prop("name", str("c")))}},
	},
}, {
	name: "outputs",
	src:  "output id string = acct.id\noutput keys object = acct.listKeys()\n",
	want: []Decl{
		&Output{Name: id("id"), Type: named("string"), Value: &Access{X: id("acct"), Name: id("id")}},
		&Output{Name: id("keys"), Type: named("object"), Value: &Call{Receiver: id("acct"), Name: id("listKeys")}},
	},
}, {
	name: "type declarations",
	src: "type sku = 'Standard' | 'Premium'\ntype level =\n  | 'low'\n  | 'high'\n" +
		"type config = {\n  @description('The name')\n  name: string\n  'odd-name': int?\n  *: bool\n}\n" +
		"type pair = [string, @minValue(1) int]\ntype names = string[]\n" +
		"type props = resourceInput<'Microsoft.Storage/storageAccounts@2023-01-01'>.properties\n" +
		"type s = sys.string\ntype neg = -1 | true | null | !false\ntype grouped = (string | int)[]\n" +
		"type items = config[*]\ntype first = pair[0]\ntype extra = config.*\n",
	want: []Decl{
		&TypeDecl{Name: id("sku"), Type: &UnionType{Members: []TypeExpr{lit(str("Standard")), lit(str("Premium"))}}},
		&TypeDecl{Name: id("level"), Type: &UnionType{Members: []TypeExpr{lit(str("low")), lit(str("high"))}}},
		&TypeDecl{Name: id("config"), Type: &ObjectType{
			Properties: []*TypeProperty{
				{Decorators: []*Decorator{deco("description", str("The name"))}, Name: "name", Type: named("string")},
				{Name: "odd-name", Type: &NullableType{Elem: named("int")}},
			},
			Additional: named("bool"),
		}},
		&TypeDecl{Name: id("pair"), Type: &TupleType{Items: []*TupleItem{
			{Type: named("string")},
			{Decorators: []*Decorator{deco("minValue", num("1"))}, Type: named("int")},
		}}},
		&TypeDecl{Name: id("names"), Type: &ArrayType{Elem: named("string")}},
		&TypeDecl{Name: id("props"), Type: &TypeAccess{
			X:    &NamedType{Name: []*Ident{id("resourceInput")}, Args: []TypeExpr{lit(str("Microsoft.Storage/storageAccounts@2023-01-01"))}},
			Name: "properties",
		}},
		&TypeDecl{Name: id("s"), Type: named("sys", "string")},
		&TypeDecl{Name: id("neg"), Type: &UnionType{Members: []TypeExpr{
			lit(&Unary{Op: "-", X: num("1")}), lit(&Bool{Value: true}), lit(&Null{}), lit(&Unary{Op: "!", X: &Bool{}}),
		}}},
		&TypeDecl{Name: id("grouped"), Type: &ArrayType{Elem: &ParenType{Elem: &UnionType{Members: []TypeExpr{named("string"), named("int")}}}}},
		&TypeDecl{Name: id("items"), Type: &TypeAccess{X: named("config"), Index: id("*")}},
		&TypeDecl{Name: id("first"), Type: &TypeAccess{X: named("pair"), Index: num("0")}},
		&TypeDecl{Name: id("extra"), Type: &TypeAccess{X: named("config"), Name: "*"}},
	},
}, {
	name: "user-defined function",
	src:  "@export()\nfunc greet(name string, count int) string => '${name}:${count}'\nfunc pi() int =>\n  3\n",
	want: []Decl{
		&Func{
			Decorators: []*Decorator{deco("export")},
			Name:       id("greet"),
			Params:     []*FuncParam{{Name: id("name"), Type: named("string")}, {Name: id("count"), Type: named("int")}},
			Result:     named("string"),
			Body:       interp([]string{"", ":", ""}, id("name"), id("count")),
		},
		&Func{Name: id("pi"), Result: named("int"), Body: num("3")},
	},
}, {
	name: "imports",
	src: "import 'az@1.0.0'\nimport 'kubernetes@1.0.0' with {\n  namespace: 'default'\n} as k8s\n" +
		"import {a, b as c} from 'shared.bicep'\nimport {\n  d\n  'e-f' as g\n} from 'br/public:x:1.0'\nimport * as ns from 'types.bicep'\n",
	want: []Decl{
		&Import{Path: str("az@1.0.0")},
		&Import{Path: str("kubernetes@1.0.0"), Config: obj(prop("namespace", str("default"))), Alias: id("k8s")},
		&Import{Names: []*ImportName{{Name: id("a")}, {Name: id("b"), Alias: id("c")}}, Path: str("shared.bicep")},
		&Import{Names: []*ImportName{{Name: id("d")}, {Name: id("e-f"), Alias: id("g")}}, Path: str("br/public:x:1.0")},
		&Import{Wildcard: id("ns"), Path: str("types.bicep")},
	},
}, {
	name: "extensions",
	src: "extension microsoftGraphV1\n" +
		"extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:0.1.8-preview' as graph\n" +
		"extension kubernetes with {\n  kubeConfig: 'x'\n} as k8s\nprovider microsoftGraph\n",
	want: []Decl{
		&Extension{Name: id("microsoftGraphV1")},
		&Extension{Name: str("br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:0.1.8-preview"), Alias: id("graph")},
		&Extension{Name: id("kubernetes"), Config: obj(prop("kubeConfig", str("x"))), Alias: id("k8s")},
		&Extension{Name: id("microsoftGraph")},
	},
}, {
	name: "assert",
	src:  "assert short = length(name) < 24\n",
	want: []Decl{&Assert{Name: id("short"), Value: bin("<", call("length", id("name")), num("24"))}},
}, {
	name: "operator precedence and associativity",
	src: "var a = x || y && z == w + v * u\nvar b = x - y - z\nvar c = x.?y ?? z.?w ?? 'd'\nvar d = x || y ?? z\n" +
		"var e = x ? y : z ? w : v\nvar f = !x && -y == +z\nvar g = x =~ y || x !~ z && x != y\nvar h = x < y == y >= z\n",
	want: []Decl{
		varDecl("a", bin("||", id("x"), bin("&&", id("y"), bin("==", id("z"), bin("+", id("w"), bin("*", id("v"), id("u"))))))),
		varDecl("b", bin("-", bin("-", id("x"), id("y")), id("z"))),
		varDecl("c", bin("??", bin("??", &Access{X: id("x"), Name: id("y"), Safe: true}, &Access{X: id("z"), Name: id("w"), Safe: true}), str("d"))),
		varDecl("d", bin("??", bin("||", id("x"), id("y")), id("z"))),
		varDecl("e", &Ternary{Cond: id("x"), Then: id("y"), Else: &Ternary{Cond: id("z"), Then: id("w"), Else: id("v")}}),
		varDecl("f", bin("&&", &Unary{Op: "!", X: id("x")}, bin("==", &Unary{Op: "-", X: id("y")}, &Unary{Op: "+", X: id("z")}))),
		varDecl("g", bin("||", bin("=~", id("x"), id("y")), bin("&&", bin("!~", id("x"), id("z")), bin("!=", id("x"), id("y"))))),
		varDecl("h", bin("==", bin("<", id("x"), id("y")), bin(">=", id("y"), id("z")))),
	},
}, {
	name: "postfix chains",
	src:  "var a = x.y[?0][^1]::z!.f(p, q)\nvar b = az.resourceGroup().location\nvar c = sys.concat(x)[0]\n",
	want: []Decl{
		varDecl("a", &Call{
			Receiver: &NonNull{X: &ChildAccess{
				X: &Index{
					X:       &Index{X: &Access{X: id("x"), Name: id("y")}, Index: num("0"), Safe: true},
					Index:   num("1"),
					FromEnd: true,
				},
				Name: id("z"),
			}},
			Name: id("f"), Args: []Expr{id("p"), id("q")},
		}),
		varDecl("b", &Access{X: &Call{Receiver: id("az"), Name: id("resourceGroup")}, Name: id("location")}),
		varDecl("c", &Index{X: &Call{Receiver: id("sys"), Name: id("concat"), Args: []Expr{id("x")}}, Index: num("0")}),
	},
}, {
	name: "lambdas and parentheses",
	src:  "var a = filter(xs, x => x.enabled)\nvar b = map(xs, (x, i) => i)\nvar c = () => 1\nvar d = (x + y) * z\nvar e = sort(xs, (a, b) =>\n  a < b)\n",
	want: []Decl{
		varDecl("a", call("filter", id("xs"), &Lambda{Params: []*Ident{id("x")}, Body: &Access{X: id("x"), Name: id("enabled")}})),
		varDecl("b", call("map", id("xs"), &Lambda{Params: []*Ident{id("x"), id("i")}, Body: id("i")})),
		varDecl("c", &Lambda{Params: []*Ident{}, Body: num("1")}),
		varDecl("d", bin("*", &Paren{X: bin("+", id("x"), id("y"))}, id("z"))),
		varDecl("e", call("sort", id("xs"), &Lambda{Params: []*Ident{id("a"), id("b")}, Body: bin("<", id("a"), id("b"))})),
	},
}, {
	name: "objects and arrays with commas, spreads and line breaks",
	src:  "var o = { a: 1, ...b, 'c': 2, }\nvar a = [\n  1\n  ...ys\n  2, 3\n]\nvar e = {}\nvar f = [\n]\nvar g = {\n  '${k}': 1\n}\n",
	want: []Decl{
		varDecl("o", obj(prop("a", num("1")), &Spread{Value: id("b")}, &Property{Key: str("c"), Value: num("2")})),
		varDecl("a", arr(num("1"), &Spread{Value: id("ys")}, num("2"), num("3"))),
		varDecl("e", obj()),
		varDecl("f", arr()),
		varDecl("g", obj(&Property{Key: interp([]string{"", ""}, id("k")), Value: num("1")})),
	},
}, {
	name: "loops in expressions",
	src:  "var a = [for (x, i) in list: i == 0 ? x.first : x.rest]\nvar b = [for x in xs: if (x.ok) x.name]\nvar c = [\n  for x in xs: x\n]\n",
	want: []Decl{
		varDecl("a", &For{Item: id("x"), Index: id("i"), Iterable: id("list"), Body: &Ternary{
			Cond: bin("==", id("i"), num("0")), Then: &Access{X: id("x"), Name: id("first")}, Else: &Access{X: id("x"), Name: id("rest")},
		}}),
		varDecl("b", &For{Item: id("x"), Iterable: id("xs"), Body: &If{Cond: &Access{X: id("x"), Name: id("ok")}, Body: &Access{X: id("x"), Name: id("name")}}}),
		varDecl("c", &For{Item: id("x"), Iterable: id("xs"), Body: id("x")}),
	},
}, {
	name: "strings",
	src: "var a = 'a${'b${c}'}d${ {e: 'f'}.e }'\nvar b = '''\nfirst\n  'quoted'\n'''\nvar c = 'it\\'s \\${not} \\u{41}\\n\\\\'\n" +
		"var d = ''\nvar e = $'''${x}-$${y}'''\nvar f = ''''quoted''''\n",
	want: []Decl{
		varDecl("a", interp([]string{"a", "d", ""}, interp([]string{"b", ""}, id("c")), &Access{X: obj(prop("e", str("f"))), Name: id("e")})),
		varDecl("b", str("first\n  'quoted'\n")),
		varDecl("c", str("it's ${not} A\n\\")),
		varDecl("d", str("")),
		varDecl("e", interp([]string{"", "-$", ""}, id("x"), id("y"))),
		varDecl("f", str("'quoted'")),
	},
}, {
	name: "line breaks inside parentheses and after operators",
	src: "var a = concat(\n  x,\n  y\n)\nvar b = (x\n  && y\n  || z)\nvar c = (x\n  .y\n  .f())\nvar d = x &&\n  y\n" +
		"var e = cond\n  ? x\n  : y\nvar f = x ?\n  y :\n  z\n",
	want: []Decl{
		varDecl("a", call("concat", id("x"), id("y"))),
		varDecl("b", &Paren{X: bin("||", bin("&&", id("x"), id("y")), id("z"))}),
		varDecl("c", &Paren{X: &Call{Receiver: &Access{X: id("x"), Name: id("y")}, Name: id("f")}}),
		varDecl("d", bin("&&", id("x"), id("y"))),
		varDecl("e", &Ternary{Cond: id("cond"), Then: id("x"), Else: id("y")}),
		varDecl("f", &Ternary{Cond: id("x"), Then: id("y"), Else: id("z")}),
	},
}, {
	name: "decorated properties in an object",
	src:  "param p object = {\n  @description('d')\n  a: 1\n}\n",
	want: []Decl{&Param{Name: id("p"), Type: named("object"), Default: obj(
		&Property{Decorators: []*Decorator{deco("description", str("d"))}, Key: id("a"), Value: num("1")},
	)}},
}, {
	name: "comments and blank lines between declarations",
	src:  "// lead\n\nvar a = 1 // trail\n/* block\n spans */ var b = /* inline */ 2\n\n\n#disable-next-line BCP081\nvar c = 3",
	want: []Decl{varDecl("a", num("1")), varDecl("b", num("2")), varDecl("c", num("3"))},
}}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.file
			if file == "" {
				file = "main.bicep"
			}
			f, diags := Parse([]byte(tc.src), file)
			for _, d := range diags {
				t.Errorf("%s: %s", d.Subject, d.Detail)
			}
			if diff := cmp.Diff(tc.want, f.Decls, ignoreRanges); diff != "" {
				t.Errorf("declarations differ (-want +got):\n%s", diff)
			}
			checkParsed(t, []byte(tc.src), file, f, diags)
		})
	}
}

// TestRanges checks the ranges the linter reports findings at: declarations from their keyword to the
// end of their value, properties from key to value, strings with their quotes.
func TestRanges(t *testing.T) {
	const account = "@description('The account')\n" +
		"resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n" +
		"  name: 'oai-${suffix}'\n" +
		"  properties: {\n" +
		"    publicNetworkAccess: 'Disabled'\n" +
		"  }\n" +
		"}\n"
	resource := func(f *File) *Resource { return f.Decls[0].(*Resource) }
	body := func(f *File) []ObjectItem { return resource(f).Value.(*Object).Items }
	properties := func(f *File) []ObjectItem { return body(f)[1].(*Property).Value.(*Object).Items }
	tests := []struct {
		name string
		src  string
		node func(*File) Node
		want string // start-end as line:column:byte
	}{
		{"resource", account, func(f *File) Node { return resource(f) }, "2:1:28-7:2:177"},
		{"decorator", account, func(f *File) Node { return resource(f).Decorators[0] }, "1:1:0-1:28:27"},
		{"decorator call", account, func(f *File) Node { return resource(f).Decorators[0].Call }, "1:2:1-1:28:27"},
		{"resource name", account, func(f *File) Node { return resource(f).Name }, "2:10:37-2:14:41"},
		{"resource type", account, func(f *File) Node { return resource(f).TypeRef }, "2:15:42-2:64:91"},
		{"resource body", account, func(f *File) Node { return resource(f).Value }, "2:67:94-7:2:177"},
		{"name property", account, func(f *File) Node { return body(f)[0] }, "3:3:98-3:24:119"},
		{"interpolated string", account, func(f *File) Node { return body(f)[0].(*Property).Value }, "3:9:104-3:24:119"},
		{"hole expression", account, func(f *File) Node { return body(f)[0].(*Property).Value.(*String).Exprs[0] }, "3:16:111-3:22:117"},
		{"nested object property", account, func(f *File) Node { return body(f)[1] }, "4:3:122-6:4:175"},
		{"inner property", account, func(f *File) Node { return properties(f)[0] }, "5:5:140-5:36:171"},
		{"inner value", account, func(f *File) Node { return properties(f)[0].(*Property).Value }, "5:26:161-5:36:171"},
		{"param with default", "param p string = 'a'\n", func(f *File) Node { return f.Decls[0] }, "1:1:0-1:21:20"},
		{"param without default", "param p string\n", func(f *File) Node { return f.Decls[0] }, "1:1:0-1:15:14"},
		{"after CRLF", "param p string\r\nparam q int\r\n", func(f *File) Node { return f.Decls[1] }, "2:1:16-2:12:27"},
		{"after byte order mark", "\xEF\xBB\xBFvar v = 1", func(f *File) Node { return f.Decls[0] }, "1:1:3-1:10:12"},
		{"columns count characters", "var s = 'é' == 'ü'", func(f *File) Node { return f.Decls[0].(*Var).Value.(*Binary).Y }, "1:16:16-1:19:20"},
		{"multi-line string", "var s = '''\nab\n'''", func(f *File) Node { return f.Decls[0].(*Var).Value }, "1:9:8-3:4:18"},
		{"nested resource", "resource a 'T@v' = {\n  @batchSize(1)\n  resource b 'U' = {\n  }\n}", func(f *File) Node {
			return f.Decls[0].(*Resource).Value.(*Object).Items[0]
		}, "3:3:39-4:4:61"},
		{"loop", "var l = [for x in xs: x]", func(f *File) Node { return f.Decls[0].(*Var).Value }, "1:9:8-1:25:24"},
		{"condition", "module m 'm.bicep' = if (on) {\n}", func(f *File) Node { return f.Decls[0].(*Module).Value }, "1:22:21-2:2:32"},
		{"type property", "type t = {\n  @minLength(1)\n  'a-b': string?\n}", func(f *File) Node {
			return f.Decls[0].(*TypeDecl).Type.(*ObjectType).Properties[0]
		}, "3:3:29-3:17:43"},
		{"lambda", "var f = map(xs, (x) => x.id)", func(f *File) Node { return f.Decls[0].(*Var).Value.(*Call).Args[1] }, "1:17:16-1:28:27"},
		{"missing value", "var v =  \nvar w = 1", func(f *File) Node { return f.Decls[0].(*Var).Value }, "1:8:7-1:8:7"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := Parse([]byte(tc.src), "main.bicep")
			if got := formatRange(tc.node(f).Range()); got != tc.want {
				t.Errorf("range %s, want %s", got, tc.want)
			}
		})
	}
}

func formatRange(r hcl.Range) string {
	return fmt.Sprintf("%d:%d:%d-%d:%d:%d", r.Start.Line, r.Start.Column, r.Start.Byte, r.End.Line, r.End.Column, r.End.Byte)
}

func TestTypeProperty(t *testing.T) {
	f, diags := Parse([]byte("type t = {\n  'a-b': string\n}"), "main.bicep")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	p := f.Decls[0].(*TypeDecl).Type.(*ObjectType).Properties[0]
	if got, want := formatRange(p.NameRange), "2:3:13-2:8:18"; got != want {
		t.Errorf("name range %s, want %s", got, want)
	}
}

func TestComments(t *testing.T) {
	src := "// lead\r\nvar a = 1 /* x\n y */ // tail\n  #disable-next-line BCP081 no-unused // why\n#other pragma\nvar b = 'not // a comment'\n"
	f, diags := Parse([]byte(src), "main.bicep")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var got []string
	for _, c := range f.Comments {
		got = append(got, formatRange(c.Rng)+" "+c.Text)
	}
	want := []string{
		"1:1:0-1:8:7 // lead",
		"2:11:19-3:6:29 /* x\n y */",
		"3:7:30-3:14:37 // tail",
		"4:39:76-4:45:82 // why",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("comments differ (-want +got):\n%s", diff)
	}
	if len(f.DisableNextLine) != 1 {
		t.Fatalf("%d pragmas, want 1", len(f.DisableNextLine))
	}
	if got, want := formatRange(f.DisableNextLine[0].Rng)+" "+f.DisableNextLine[0].Text, "4:3:40-4:38:75 #disable-next-line BCP081 no-unused"; got != want {
		t.Errorf("pragma %q, want %q", got, want)
	}
}
