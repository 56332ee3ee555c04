package funcs

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// testMark stands for the marks callers put on values (model.Ref): functions must carry them through.
type testMark string

const home = "/home/tester"

var testVars = map[string]cty.Value{
	"unknown_str":  cty.UnknownVal(cty.String),
	"unknown_num":  cty.UnknownVal(cty.Number),
	"unknown_bool": cty.UnknownVal(cty.Bool),
	"unknown_list": cty.UnknownVal(cty.List(cty.String)),
	"unknown_obj":  cty.UnknownVal(cty.Object(map[string]cty.Type{"a": cty.String})),
	"marked":       cty.StringVal("10.0.0.0/16").Mark(testMark("ref")),
	"tpl":          cty.StringVal("Hi ${who}"),
}

// eval evaluates src as an HCL expression with Table(testdata) as its functions, as a caller would.
func eval(t *testing.T, src string) (cty.Value, hcl.Diagnostics) {
	t.Helper()
	t.Setenv("HOME", home)
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse %s: %s", src, diags)
	}
	return expr.Value(&hcl.EvalContext{Variables: testVars, Functions: Table("testdata")})
}

// unknown stands for any unknown value of the given type in a want column.
func unknown(ty cty.Type) cty.Value { return cty.UnknownVal(ty) }

func strs(ss ...string) []cty.Value {
	vals := make([]cty.Value, len(ss))
	for i, s := range ss {
		vals[i] = cty.StringVal(s)
	}
	return vals
}

func TestFunctions(t *testing.T) {
	abs, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		expr string
		want cty.Value
	}{
		// Network.
		{`cidrsubnet("10.0.0.0/16", 8, 2)`, cty.StringVal("10.0.2.0/24")},
		{`cidrsubnet("10.0.0.0/16", 0, 0)`, cty.StringVal("10.0.0.0/16")},
		{`cidrsubnet("172.16.0.0/12", 4, 15)`, cty.StringVal("172.31.0.0/16")},
		{`cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)`, cty.StringVal("fd00:fd12:3456:7800:a200::/72")},
		{`cidrsubnet(marked, 8, 2)`, cty.StringVal("10.0.2.0/24").Mark(testMark("ref"))},
		{`cidrhost("10.12.112.0/20", 16)`, cty.StringVal("10.12.112.16")},
		{`cidrhost("10.12.112.0/20", 268)`, cty.StringVal("10.12.113.12")},
		{`cidrhost("10.12.112.0/20", -1)`, cty.StringVal("10.12.127.255")},
		{`cidrhost("10.12.112.9/20", 0)`, cty.StringVal("10.12.112.0")},
		{`cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)`, cty.StringVal("fd00:fd12:3456:7890::22")},
		{`cidrhost("::/0", 340282366920938463463374607431768211455)`, cty.StringVal("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")},
		{`cidrnetmask("172.16.0.0/12")`, cty.StringVal("255.240.0.0")},
		{`cidrnetmask("10.0.0.0/32")`, cty.StringVal("255.255.255.255")},
		{`cidrnetmask("0.0.0.0/0")`, cty.StringVal("0.0.0.0")},
		{`cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)`, cty.ListVal(strs("10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"))},
		{`cidrsubnets("10.0.0.0/24", 1, 1)`, cty.ListVal(strs("10.0.0.0/25", "10.0.0.128/25"))},
		{`cidrsubnets("fd00:fd12:3456:7890::/56", 16, 16, 16, 32)`, cty.ListVal(strs("fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88"))},
		{`cidrsubnets("10.0.0.0/8")`, cty.ListValEmpty(cty.String)},
		{`cidrsubnets("10.0.0.0/8", unknown_num)`, unknown(cty.List(cty.String))},

		// Encoding and hashing.
		{`base64encode("Hello World")`, cty.StringVal("SGVsbG8gV29ybGQ=")},
		{`base64decode("SGVsbG8gV29ybGQ=")`, cty.StringVal("Hello World")},
		{`md5("Hello World")`, cty.StringVal("b10a8db164e0754105b7a99be72e3fe5")},
		{`sha1("Hello World")`, cty.StringVal("0a4d55a8d778e5022fab701977c5d840bbc486d0")},
		{`sha256("Hello World")`, cty.StringVal("a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e")},
		{`sha512("Hello World")`, cty.StringVal("2c74fd17edafd80e8447b0d46741ee243b7eb74dd2149a0ab1b9246fb30382f27e853d8585719e0e67cbda0daa8f51671064615d645ae27acb15bfb1447f459b")},
		{`base64sha256("Hello World")`, cty.StringVal("pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4=")},
		{`base64sha512("Hello World")`, cty.StringVal("LHT9F+2v2A6ER7DUZ0HuJDt+t03SFJoKsbkkb7MDgvJ+hT2FhXGeDmfL2g2qj1FnEGRhXWRa4nrLFb+xRH9Fmw==")},
		{`textencodebase64("Hello World", "UTF-16LE")`, cty.StringVal("SABlAGwAbABvACAAVwBvAHIAbABkAA==")},
		{`textencodebase64("Héllo", "ISO-8859-1")`, cty.StringVal("SOlsbG8=")},
		{`textdecodebase64("SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE")`, cty.StringVal("Hello World")},
		{`textdecodebase64("SOlsbG8=", "latin1")`, cty.StringVal("Héllo")},
		{`urlencode("Hello World!")`, cty.StringVal("Hello+World%21")},
		{`urlencode("a/b?c=d&e")`, cty.StringVal("a%2Fb%3Fc%3Dd%26e")},
		{`uuidv5("dns", "www.terraform.io")`, cty.StringVal("a5008fae-b28c-5ba5-96cd-82b4c53552d6")},
		{`uuidv5("url", "https://example.com")`, cty.StringVal("4fd35a71-71ef-5a55-a9d9-aa75c889a6d0")},
		{`uuidv5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "https://example.com")`, cty.StringVal("4fd35a71-71ef-5a55-a9d9-aa75c889a6d0")},
		{`md5(unknown_str)`, unknown(cty.String)},

		// Files, relative to the base directory.
		{`file("hello.txt")`, cty.StringVal("Hello World")},
		{`file("${abspath(".")}/hello.txt")`, cty.StringVal("Hello World")},
		{`file("tree/../hello.txt")`, cty.StringVal("Hello World")},
		{`filebase64("binary.bin")`, cty.StringVal("//4=")},
		{`fileexists("hello.txt")`, cty.True},
		{`fileexists("missing.txt")`, cty.False},
		{`filemd5("hello.txt")`, cty.StringVal("b10a8db164e0754105b7a99be72e3fe5")},
		{`filesha1("hello.txt")`, cty.StringVal("0a4d55a8d778e5022fab701977c5d840bbc486d0")},
		{`filesha256("hello.txt")`, cty.StringVal("a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e")},
		{`filesha512("hello.txt")`, cty.StringVal("2c74fd17edafd80e8447b0d46741ee243b7eb74dd2149a0ab1b9246fb30382f27e853d8585719e0e67cbda0daa8f51671064615d645ae27acb15bfb1447f459b")},
		{`filebase64sha256("hello.txt")`, cty.StringVal("pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4=")},
		{`filebase64sha512("hello.txt")`, cty.StringVal("LHT9F+2v2A6ER7DUZ0HuJDt+t03SFJoKsbkkb7MDgvJ+hT2FhXGeDmfL2g2qj1FnEGRhXWRa4nrLFb+xRH9Fmw==")},
		{`file(unknown_str)`, unknown(cty.String)},
		{`fileset("tree", "*.txt")`, cty.SetVal(strs("a.txt"))},
		{`fileset("tree", "**/*.txt")`, cty.SetVal(strs("a.txt", "sub/c.txt", "sub/deep/d.txt"))},
		{`fileset("tree", "**")`, cty.SetVal(strs("a.txt", "b.json", "sub/c.txt", "sub/deep/d.txt"))},
		{`fileset("tree", "sub/*")`, cty.SetVal(strs("sub/c.txt"))},
		{`fileset("tree", "**/**/c.txt")`, cty.SetVal(strs("sub/c.txt"))},
		{`fileset("tree", "sub/**/d.txt")`, cty.SetVal(strs("sub/deep/d.txt"))},
		{`fileset("tree", "{a,sub/c}.txt")`, cty.SetVal(strs("a.txt", "sub/c.txt"))},
		{`fileset("tree", "*.{json,txt}")`, cty.SetVal(strs("a.txt", "b.json"))},
		{`fileset("tree", "[ab].*")`, cty.SetVal(strs("a.txt", "b.json"))},
		{`fileset("tree/sub", "../*.json")`, cty.SetVal(strs("../b.json"))},
		{`fileset("tree", "*.yaml")`, cty.SetValEmpty(cty.String)},
		{`fileset("missing", "*")`, cty.SetValEmpty(cty.String)},
		{`abspath("tree")`, cty.StringVal(filepath.ToSlash(filepath.Join(abs, "tree")))},
		{`abspath("/etc/../tmp")`, cty.StringVal("/tmp")},
		{`basename("foo/bar/baz.txt")`, cty.StringVal("baz.txt")},
		{`dirname("foo/bar/baz.txt")`, cty.StringVal("foo/bar")},
		{`pathexpand("~/.ssh/id_rsa")`, cty.StringVal(home + "/.ssh/id_rsa")},
		{`pathexpand("/etc/hosts")`, cty.StringVal("/etc/hosts")},

		// Templates.
		{`templatefile("greeting.tftpl", {name = "Ada", services = ["web", "db"]})`, cty.StringVal("Hello, Ada!\n- WEB\n- DB\n")},
		{`templatefile("single.tftpl", {items = [1, 2]})`, cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.NumberIntVal(2)})},
		{`templatefile("greeting.tftpl", {name = unknown_str, services = []})`, unknown(cty.String)},
		{`templatefile(unknown_str, {})`, cty.DynamicVal},
		{`templatestring(tpl, {who = "there"})`, cty.StringVal("Hi there")},
		{`templatestring(tpl, tomap({who = "map"}))`, cty.StringVal("Hi map")},

		// Collections.
		{`alltrue([])`, cty.True},
		{`alltrue([true, true])`, cty.True},
		{`alltrue([true, false])`, cty.False},
		{`alltrue([true, null])`, cty.False},
		{`alltrue([true, unknown_bool])`, unknown(cty.Bool)},
		{`alltrue([unknown_bool, false])`, cty.False},
		{`anytrue([])`, cty.False},
		{`anytrue([false, null])`, cty.False},
		{`anytrue([false, true])`, cty.True},
		{`anytrue([false, unknown_bool])`, unknown(cty.Bool)},
		{`anytrue([unknown_bool, true])`, cty.True},
		{`one([])`, cty.NullVal(cty.DynamicPseudoType)},
		{`one(tolist([]))`, cty.NullVal(cty.DynamicPseudoType)},
		{`one(["a"])`, cty.StringVal("a")},
		{`one(toset(["a"]))`, cty.StringVal("a")},
		{`one(unknown_list)`, unknown(cty.String)},
		{`sum([1, 2, 3.5])`, cty.MustParseNumberVal("6.5")},
		{`sum(toset([1, 2]))`, cty.NumberIntVal(3)},
		{`sum(["1", 2])`, cty.NumberIntVal(3)},
		{`sum([1, unknown_num])`, unknown(cty.Number)},
		{`index(["a", "b", "c"], "b")`, cty.NumberIntVal(1)},
		{`index(["a", unknown_str], "b")`, unknown(cty.Number)},
		{`length("héllo")`, cty.NumberIntVal(5)},
		{`length([1, 2, 3])`, cty.NumberIntVal(3)},
		{`length({a = 1, b = "x"})`, cty.NumberIntVal(2)},
		{`length(tomap({a = 1}))`, cty.NumberIntVal(1)},
		{`length(unknown_obj)`, cty.NumberIntVal(1)},
		{`length(unknown_list)`, unknown(cty.Number)},
		{`length(unknown_str)`, unknown(cty.Number)},
		{`lookup({a = "x"}, "a")`, cty.StringVal("x")},
		{`lookup({a = "x"}, "b", "d")`, cty.StringVal("d")},
		{`lookup(tomap({a = "x"}), "a", "d")`, cty.StringVal("x")},
		{`lookup(tomap({a = "x"}), "b", null)`, cty.NullVal(cty.String)},
		{`lookup({a = marked, b = "x"}, "b")`, cty.StringVal("x")},
		{`lookup({a = marked, b = "x"}, "a")`, cty.StringVal("10.0.0.0/16").Mark(testMark("ref"))},
		{`lookup(tomap({a = "x"}), "b", marked)`, cty.StringVal("10.0.0.0/16").Mark(testMark("ref"))},
		{`matchkeys(["i-1", "i-2", "i-3"], ["us-1", "us-2", "us-1"], ["us-1"])`, cty.ListVal(strs("i-1", "i-3"))},
		{`matchkeys(["a"], ["k"], ["z"])`, cty.ListValEmpty(cty.String)},
		{`matchkeys(["a", "b"], [1, 2], ["2"])`, cty.ListVal(strs("b"))},
		{`matchkeys(["a"], [unknown_str], ["k"])`, unknown(cty.List(cty.String))},
		{`transpose({a = ["1", "2"], b = ["2", "3"]})`, cty.MapVal(map[string]cty.Value{
			"1": cty.ListVal(strs("a")),
			"2": cty.ListVal(strs("a", "b")),
			"3": cty.ListVal(strs("b")),
		})},
		{`transpose({})`, cty.MapValEmpty(cty.List(cty.String))},
		{`transpose({a = [unknown_str]})`, unknown(cty.Map(cty.List(cty.String)))},
		{`coalesce("", "b")`, cty.StringVal("b")},
		{`coalesce(null, "", "c")`, cty.StringVal("c")},
		{`coalesce(1, 2)`, cty.NumberIntVal(1)},
		{`coalesce("", 1)`, cty.StringVal("1")},
		{`coalesce(unknown_str, "b")`, unknown(cty.String)},

		// Strings.
		{`startswith("hello world", "hello")`, cty.True},
		{`startswith("hello world", "world")`, cty.False},
		{`endswith("hello world", "world")`, cty.True},
		{`strcontains("hello world", "o w")`, cty.True},
		{`strcontains("hello world", "z")`, cty.False},
		{`startswith(unknown_str, "x")`, unknown(cty.Bool)},
		{`replace("1 + 2 + 3", "+", "-")`, cty.StringVal("1 - 2 - 3")},
		{`replace("hello world", "/w.*d/", "there")`, cty.StringVal("hello there")},
		{`replace("a-b", "/(\\w)-(\\w)/", "$2-$1")`, cty.StringVal("b-a")},
		{`replace("a/b", "/", "|")`, cty.StringVal("a|b")},
		{`timecmp("2017-11-22T00:00:00Z", "2017-11-22T01:00:00+01:00")`, cty.Zero},
		{`timecmp("2017-11-22T00:00:00Z", "2017-11-22T00:00:01Z")`, cty.NumberIntVal(-1)},
		{`timecmp("2018-01-01T00:00:00Z", "2017-11-22T00:00:00Z")`, cty.NumberIntVal(1)},

		// Sensitivity.
		{`sensitive("x")`, cty.StringVal("x").Mark(Sensitive)},
		{`nonsensitive(sensitive("x"))`, cty.StringVal("x")},
		{`nonsensitive("x")`, cty.StringVal("x")},
		{`nonsensitive(marked)`, cty.StringVal("10.0.0.0/16").Mark(testMark("ref"))},
		{`issensitive(sensitive("x"))`, cty.True},
		{`issensitive("x")`, cty.False},
		{`issensitive(unknown_str)`, unknown(cty.Bool)},
		{`ephemeralasnull("x")`, cty.StringVal("x")},
		{`ephemeralasnull(marked)`, cty.StringVal("10.0.0.0/16").Mark(testMark("ref"))},

		// Only a real run knows these.
		{`uuid()`, unknown(cty.String)},
		{`timestamp()`, unknown(cty.String)},
		{`plantimestamp()`, unknown(cty.String)},
		{`bcrypt("secret")`, unknown(cty.String)},
		{`bcrypt("secret", 12)`, unknown(cty.String)},
		{`rsadecrypt("aGVsbG8=", "key")`, unknown(cty.String)},

		// try and can.
		{`try(tonumber("x"), 0)`, cty.Zero},
		{`try({a = 1}.b, "fallback")`, cty.StringVal("fallback")},
		{`try(tonumber("7"), 0)`, cty.NumberIntVal(7)},
		{`can(tonumber("x"))`, cty.False},
		{`can(cidrsubnet("10.0.0.0/16", 8, 2))`, cty.True},
		{`can(cidrsubnet("10.0.0.0/16", 8, 256))`, cty.False},
		{`can(file("missing.txt"))`, cty.False},

		// A sample of the functions borrowed from go-cty and go-cty-yaml.
		{`jsonencode({a = 1, b = [true]})`, cty.StringVal(`{"a":1,"b":[true]}`)},
		{`jsondecode("{\"a\":1}")`, cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1)})},
		{`yamldecode("a: 1\nb: [x]")`, cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": cty.TupleVal(strs("x"))})},
		{`yamlencode({a = "b"})`, cty.StringVal("\"a\": \"b\"\n")},
		{`merge({a = 1}, {b = 2})`, cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": cty.NumberIntVal(2)})},
		{`format("%s-%03d", "vm", 7)`, cty.StringVal("vm-007")},
		{`lower(upper("MiXed"))`, cty.StringVal("mixed")},
		{`join(",", split("/", "a/b/c"))`, cty.StringVal("a,b,c")},
		{`substr("hello world", 1, 4)`, cty.StringVal("ello")},
		{`coalescelist([], ["a"])`, cty.TupleVal(strs("a"))},
		{`tostring(12)`, cty.StringVal("12")},
		{`tonumber("12")`, cty.NumberIntVal(12)},
		{`tobool("true")`, cty.True},
		{`tolist(["a", "b"])`, cty.ListVal(strs("a", "b"))},
		{`toset(["b", "a", "b"])`, cty.SetVal(strs("a", "b"))},
		{`tomap({a = "x"})`, cty.MapVal(map[string]cty.Value{"a": cty.StringVal("x")})},
		{`setproduct(["a"], ["x", "y"])`, cty.ListVal([]cty.Value{cty.TupleVal(strs("a", "x")), cty.TupleVal(strs("a", "y"))})},
		{`formatdate("YYYY-MM-DD", "2024-03-05T10:00:00Z")`, cty.StringVal("2024-03-05")},
		{`max(3, 9, 1)`, cty.NumberIntVal(9)},
		{`strrev("abc")`, cty.StringVal("cba")},
		{`reverse(["a", "b"])`, cty.TupleVal(strs("b", "a"))},
		{`upper(marked)`, cty.StringVal("10.0.0.0/16").Mark(testMark("ref"))},
		{`upper(unknown_str)`, unknown(cty.String)},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, diags := eval(t, tt.expr)
			if diags.HasErrors() {
				t.Fatalf("unexpected error: %s", diags)
			}
			if !tt.want.IsKnown() {
				if got.IsKnown() || !got.Type().Equals(tt.want.Type()) {
					t.Fatalf("got %#v, want an unknown %s", got, tt.want.Type().FriendlyName())
				}
				return
			}
			if !got.RawEquals(tt.want) {
				t.Fatalf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestFunctionErrors(t *testing.T) {
	tests := []struct {
		expr string
		want string
	}{
		{`cidrsubnet("10.0.0.0/16", 8, 256)`, "does not accommodate a subnet numbered 256"},
		{`cidrsubnet("10.0.0.0/16", 17, 0)`, "insufficient address space to extend prefix of 16 by 17"},
		{`cidrsubnet("10.0.0.0/16", -1, 0)`, "negative number of bits"},
		{`cidrsubnet("10.0.0.0/16", 9223372036854775807, 0)`, "insufficient address space"},
		{`cidrsubnet("10.0.0.0/16", 8, 1.5)`, "whole number"},
		{`cidrsubnet("10.0.0.0", 8, 0)`, "invalid CIDR expression"},
		{`cidrhost("10.0.0.0/30", 4)`, "does not accommodate a host numbered 4"},
		{`cidrhost("10.0.0.0/30", -5)`, "does not accommodate a host numbered -5"},
		{`cidrnetmask("fd00::/64")`, "only IPv4 networks have a netmask"},
		{`cidrsubnets("10.0.0.0/24", 1, 1, 1)`, "not enough remaining address space"},
		{`cidrsubnets("10.0.0.0/24", 0)`, "at least one bit"},
		{`cidrsubnets("10.0.0.0/24", 9)`, "insufficient address space"},
		{`base64decode("not base64!")`, "failed to decode base64 data"},
		{`base64decode("/w==")`, "not valid UTF-8"},
		{`textencodebase64("x", "no-such-encoding")`, "not a supported IANA encoding"},
		{`textdecodebase64("!!", "UTF-8")`, "failed to decode base64 data"},
		{`uuidv5("nope", "x")`, "namespace must be"},
		{`uuidv5("6ba7b811-9dad-11d1-80b4-00c04fd430cz", "x")`, "namespace must be"},
		{`file("missing.txt")`, "no file exists at"},
		{`file("binary.bin")`, "not valid UTF-8"},
		{`file("tree")`, "not a regular file"},
		{`file("/etc/hostname")`, "outside the repository"},
		{`templatefile("~/.ssh/config", {})`, "outside the repository"},
		{`fileexists("tree")`, "not a regular file"},
		{`filemd5("missing.txt")`, "no file exists at"},
		{`fileset("tree", "[")`, "invalid pattern"},
		{`fileset("tree", "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}")`, "too many {} alternatives"},
		{`pathexpand("~other/x")`, "only the current user's home directory"},
		{`templatefile("missing.tftpl", {})`, "no file exists at"},
		{`templatefile("greeting.tftpl", {services = []})`, `vars map does not contain key "name"`},
		{`templatefile("greeting.tftpl", {"not valid" = 1, name = "x", services = []})`, "invalid template variable name"},
		{`templatefile("greeting.tftpl", ["x"])`, "vars must be a map or an object"},
		{`templatefile("recurse.tftpl", {})`, `There is no function named "templatefile"`},
		{`templatestring("$${templatestring(\"x\", {})}", {})`, `There is no function named "templatestring"`},
		{`templatestring("$${", {})`, "Missing expression"},
		{`one([1, 2])`, "either zero or one elements"},
		{`one(tolist([1, 2]))`, "either zero or one elements"},
		{`one("x")`, "must be a list, set, or tuple"},
		{`sum([])`, "cannot sum an empty list"},
		{`sum(["a"])`, "every element must be a number"},
		{`sum([1, null])`, "not null"},
		{`sum("x")`, "must be a list, set, or tuple of numbers"},
		{`index(["a"], "z")`, "item not found"},
		{`index({a = 1}, 1)`, "must be a list or tuple"},
		{`length(true)`, "must be a string, a collection, or a structural value"},
		{`lookup({a = "x"}, "b")`, `object has no attribute "b"`},
		{`lookup(tomap({a = "x"}), "b")`, `lookup failed to find key "b"`},
		{`lookup(tomap({a = "x"}), "b", [])`, "same type as the map elements"},
		{`lookup({}, "a", 1, 2)`, "at most three arguments"},
		{`lookup("x", "a")`, "must be a map or an object"},
		{`matchkeys(["a", "b"], ["k"], ["k"])`, "as many elements as values"},
		{`matchkeys(["a"], [["k"]], ["k"])`, "keys and searchset must be of the same type"},
		{`transpose({a = [null]})`, "must not contain null"},
		{`transpose({a = null})`, "must not be null"},
		{`coalesce("", null)`, "no non-null, non-empty-string arguments"},
		{`coalesce("x", [])`, "all arguments must have the same type"},
		{`replace("x", "/(/", "y")`, "missing closing )"},
		{`timecmp("yesterday", "2017-11-22T00:00:00Z")`, "not a valid RFC3339 timestamp"},
		{`try(tonumber("x"))`, "no expression succeeded"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, diags := eval(t, tt.expr)
			if !diags.HasErrors() {
				t.Fatalf("got %#v, want an error containing %q", got, tt.want)
			}
			if !strings.Contains(diags.Error(), tt.want) {
				t.Fatalf("got error %q, want one containing %q", diags.Error(), tt.want)
			}
		})
	}
}

// base64gzip's output depends on the gzip implementation's choices, so the test reads it back.
func TestBase64Gzip(t *testing.T) {
	got, diags := eval(t, `base64gzip("Hello World")`)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	raw, err := base64.StdEncoding.DecodeString(got.AsString())
	if err != nil {
		t.Fatal(err)
	}
	r, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(plain) != "Hello World" {
		t.Fatalf("round trip gave %q", plain)
	}
}

// TestUnknownArguments calls every function with unknown arguments of its parameters' types: none may fail
// or claim to know its result.
func TestUnknownArguments(t *testing.T) {
	for name, fn := range Table("testdata") {
		params := fn.Params()
		if vp := fn.VarParam(); vp != nil {
			params = append(params, *vp)
		}
		vars := map[string]cty.Value{}
		names := make([]string, len(params))
		for i, p := range params {
			names[i] = fmt.Sprintf("a%d", i)
			vars[names[i]] = cty.DynamicVal
			if !p.Type.IsCapsuleType() { // try and can take expressions, not values
				vars[names[i]] = cty.UnknownVal(p.Type)
			}
		}
		src := fmt.Sprintf("%s(%s)", name, strings.Join(names, ", "))
		expr, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("parse %s: %s", src, diags)
		}
		got, diags := expr.Value(&hcl.EvalContext{Variables: vars, Functions: Table("testdata")})
		if diags.HasErrors() {
			t.Errorf("%s: %s", src, diags)
			continue
		}
		if got.IsKnown() {
			t.Errorf("%s = %#v, want an unknown value", src, got)
		}
	}
}

// written are the functions this package implements rather than borrows.
var written = []string{
	"abspath", "alltrue", "anytrue", "base64decode", "base64encode", "base64gzip", "base64sha256",
	"base64sha512", "basename", "bcrypt", "cidrhost", "cidrnetmask", "cidrsubnet", "cidrsubnets", "coalesce",
	"dirname", "endswith", "ephemeralasnull", "file", "filebase64", "filebase64sha256", "filebase64sha512",
	"fileexists", "filemd5", "fileset", "filesha1", "filesha256", "filesha512", "index", "issensitive",
	"length", "lookup", "matchkeys", "md5", "nonsensitive", "one", "pathexpand", "plantimestamp", "replace",
	"rsadecrypt", "sensitive", "sha1", "sha256", "sha512", "startswith", "strcontains", "sum",
	"templatefile", "templatestring", "textdecodebase64", "textencodebase64", "timecmp", "timestamp",
	"transpose", "urlencode", "uuid", "uuidv5",
}

// TestNoPanics throws awkward arguments at every function this package writes itself: nulls, unknowns
// nested in collections, marks, infinities, huge and negative numbers, malformed patterns and prefixes.
// Errors are fine; a panic is not. Borrowed functions are go-cty's business: some of them, such as
// indent, would try to allocate what a huge number asks for.
func TestNoPanics(t *testing.T) {
	pool := []cty.Value{
		cty.NullVal(cty.DynamicPseudoType),
		cty.DynamicVal,
		cty.UnknownVal(cty.String),
		cty.StringVal(""),
		cty.StringVal("10.0.0.0/8"),
		cty.StringVal("::/0"),
		cty.StringVal("~"),
		cty.StringVal("{a,[b}"),
		cty.StringVal("x").Mark(testMark("m")),
		cty.NumberIntVal(-1),
		cty.NumberIntVal(1 << 40),
		cty.MustParseNumberVal("0.5"),
		cty.PositiveInfinity,
		cty.True,
		cty.ListValEmpty(cty.String),
		cty.TupleVal([]cty.Value{cty.NullVal(cty.String), cty.UnknownVal(cty.Bool), cty.NegativeInfinity}),
		cty.ObjectVal(map[string]cty.Value{"k": cty.StringVal("v").Mark(testMark("m")), "n": cty.NullVal(cty.Number)}),
		cty.MapVal(map[string]cty.Value{"k": cty.ListVal([]cty.Value{cty.StringVal("v"), cty.UnknownVal(cty.String)})}),
		cty.SetVal([]cty.Value{cty.UnknownVal(cty.Number), cty.NumberIntVal(1)}),
	}
	funcs := Table("testdata")
	for _, name := range written {
		fn, ok := funcs[name]
		if !ok {
			t.Fatalf("Table has no %s", name)
		}
		arities := []int{len(fn.Params())}
		if fn.VarParam() != nil {
			arities = append(arities, len(fn.Params())+1)
		}
		for _, n := range arities {
			names := make([]string, n)
			for i := range names {
				names[i] = fmt.Sprintf("a%d", i)
			}
			src := fmt.Sprintf("%s(%s)", name, strings.Join(names, ", "))
			expr, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatalf("parse %s: %s", src, diags)
			}
			for combo := range combinations(len(pool), n) {
				vars := map[string]cty.Value{}
				for i, c := range combo {
					vars[names[i]] = pool[c]
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("%s with %#v panicked: %v", src, vars, r)
						}
					}()
					_, _ = expr.Value(&hcl.EvalContext{Variables: vars, Functions: funcs})
				}()
			}
		}
	}
}

// combinations yields every n-tuple of indices below size.
func combinations(size, n int) func(yield func([]int) bool) {
	return func(yield func([]int) bool) {
		combo := make([]int, n)
		for {
			if !yield(combo) {
				return
			}
			i := n - 1
			for i >= 0 && combo[i] == size-1 {
				combo[i] = 0
				i--
			}
			if i < 0 {
				return
			}
			combo[i]++
		}
	}
}
