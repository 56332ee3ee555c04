package arm

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// jARMSnippets are realistic template and parameter files, which must read without error.
var jARMSnippets = []string{
	"\xEF\xBB\xBF{\r\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\r\n  \"contentVersion\": \"1.0.0.0\"\r\n}\r\n",
	`{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "accountName": { "type": "string", "defaultValue": "[format('oai{0}', uniqueString(resourceGroup().id))]" },
    "location": { "type": "string", "defaultValue": "[resourceGroup().location]" }
  },
  "resources": [
    {
      "type": "Microsoft.CognitiveServices/accounts",
      "apiVersion": "2024-10-01",
      "name": "[parameters('accountName')]",
      "location": "[parameters('location')]",
      "kind": "OpenAI",
      "sku": { "name": "S0" },
      "properties": {
        "customSubDomainName": "[parameters('accountName')]",
        "publicNetworkAccess": "Disabled",
        "disableLocalAuth": true,
        "networkAcls": { "defaultAction": "Deny", "ipRules": [], "virtualNetworkRules": [] }
      }
    }
  ]
}`,
	`{
  // Comments and trailing commas, as the ARM tools accept.
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "variables": { "sku": "Standard_LRS", /* inline */ "count": 3, },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-05-01",
      "name": "[concat('st', uniqueString(resourceGroup().id), copyIndex())]",
      "copy": { "name": "accounts", "count": "[variables('count')]" },
      "sku": { "name": "[variables('sku')]" },
      "properties": { "allowBlobPublicAccess": false, "minimumTlsVersion": "TLS1_2", },
    },
  ],
}`,
	`{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "location": { "value": "swedencentral" }, "tags": { "value": { "env": "dev", "owner": "\u00e9quipe \ud83d\ude80" } } }
}`,
	`{"resources": {"kv": {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv", "properties": {"enableRbacAuthorization": true, "tenantId": "[subscription().tenantId]", "sku": {"family": "A", "name": "standard"}}}}, "languageVersion": "2.0"}`,
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range jARMSnippets {
		f.Add([]byte(s))
	}
	for _, tc := range jCases {
		f.Add([]byte(tc.src))
	}
	for _, s := range []string{
		`[1.5e3, -0, 0.0e-0, 1E+9, "\"\\\/\b\f\n\r\t\u0000", null, true, false, [], {}]`,
		"[\"日本\", 1,\r2]",
		`{"a": {"b": [1, {"c": `,
		`["\ud800\udc00\ud800", "\udfff"]`,
		"{\"a\" 1}",
		"[1 2]",
		"/*/ */ [] // x",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		root, diags := ParseJSON(src, jFile)
		if root == nil && len(diags) == 0 || len(diags) > 1 {
			t.Fatalf("tree %v with %d diagnostics; reading stops at the first error", root, len(diags))
		}
		for _, d := range diags {
			if d.Severity != hcl.DiagError || d.Summary == "" || len(d.Detail) < 2 || d.Detail[len(d.Detail)-1] != '.' || d.Subject == nil {
				t.Fatalf("malformed diagnostic %#v", d)
			}
			jCheckRange(t, src, *d.Subject, "subject of "+d.Summary)
		}
		jCheckNode(t, src, root, len(diags) == 0)

		plain := bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
		valid := json.Valid(plain)
		if len(diags) == 0 && !valid && !jExtended(plain) {
			t.Fatalf("accepted what encoding/json refuses: %q", src)
		}
		// encoding/json lets invalid UTF-8 through in strings, where an ARM template cannot hold it.
		if valid && utf8.Valid(plain) {
			if len(diags) > 0 {
				t.Fatalf("refused what encoding/json accepts: %q\n%v", src, diags)
			}
			dec := json.NewDecoder(bytes.NewReader(plain))
			dec.UseNumber()
			var want any
			if err := dec.Decode(&want); err != nil {
				t.Fatal(err)
			}
			if got := jAny(root); !reflect.DeepEqual(want, got) {
				t.Fatalf("read %#v, encoding/json reads %#v", got, want)
			}
		}
	})
}

// jExtended tells whether src may use what ARM accepts beyond JSON: a slash, which may start a comment,
// or a comma before a closing bracket. Either may sit inside a string instead, which only makes the fuzz
// target compare less often.
func jExtended(src []byte) bool {
	if bytes.IndexByte(src, '/') >= 0 {
		return true
	}
	for i, c := range src {
		if c != ',' {
			continue
		}
		rest := bytes.TrimLeft(src[i+1:], " \t\r\n")
		if len(rest) > 0 && (rest[0] == ']' || rest[0] == '}') {
			return true
		}
	}
	return false
}

// jAny converts n to what encoding/json decodes with UseNumber, the last of duplicate names winning as
// there.
func jAny(n *Node) any {
	switch n.Kind {
	case Bool:
		return n.Bool
	case Number:
		return json.Number(n.Text)
	case String:
		return n.Text
	case Array:
		a := make([]any, len(n.Elems))
		for i, e := range n.Elems {
			a[i] = jAny(e)
		}
		return a
	case Object:
		m := make(map[string]any, len(n.Members))
		for _, mem := range n.Members {
			m[mem.Name] = jAny(mem.Value)
		}
		return m
	}
	return nil
}

// jCheckNode checks every range in the tree under n; complete says there was no error, so every value
// must be whole: strings quoted, numbers as written.
func jCheckNode(t *testing.T, src []byte, n *Node, complete bool) {
	if n == nil {
		return
	}
	jCheckRange(t, src, n.Range, "value")
	text := src[n.Range.Start.Byte:n.Range.End.Byte]
	switch n.Kind {
	case Null:
		if string(text) != "null" {
			t.Fatalf("null at %v reads %q", n.Range, text)
		}
	case Bool:
		if string(text) != strconv.FormatBool(n.Bool) {
			t.Fatalf("bool %v at %v reads %q", n.Bool, n.Range, text)
		}
	case Number:
		if string(text) != n.Text {
			t.Fatalf("number %q at %v reads %q", n.Text, n.Range, text)
		}
	case String:
		if len(text) < 2 || text[0] != '"' || text[len(text)-1] != '"' || !utf8.ValidString(n.Text) {
			t.Fatalf("string %q at %v reads %q", n.Text, n.Range, text)
		}
	case Array:
		if len(text) == 0 || text[0] != '[' || complete && text[len(text)-1] != ']' {
			t.Fatalf("array at %v reads %q", n.Range, text)
		}
		for _, e := range n.Elems {
			if e == nil {
				t.Fatalf("nil element in array at %v", n.Range)
			}
			jCheckInside(t, n.Range, e.Range)
			jCheckNode(t, src, e, complete)
		}
	case Object:
		if len(text) == 0 || text[0] != '{' || complete && text[len(text)-1] != '}' {
			t.Fatalf("object at %v reads %q", n.Range, text)
		}
		for _, m := range n.Members {
			if m.Value == nil {
				t.Fatalf("member %q without a value in object at %v", m.Name, n.Range)
			}
			jCheckRange(t, src, m.NameRange, "name "+m.Name)
			if name := src[m.NameRange.Start.Byte:m.NameRange.End.Byte]; len(name) < 2 || name[0] != '"' || name[len(name)-1] != '"' {
				t.Fatalf("name %q at %v reads %q", m.Name, m.NameRange, name)
			}
			jCheckInside(t, n.Range, m.NameRange)
			jCheckInside(t, n.Range, m.Value.Range)
			jCheckNode(t, src, m.Value, complete)
		}
	default:
		t.Fatalf("kind %d at %v", n.Kind, n.Range)
	}
}

func jCheckInside(t *testing.T, outer, inner hcl.Range) {
	if inner.Start.Byte < outer.Start.Byte || inner.End.Byte > outer.End.Byte {
		t.Fatalf("%v is not inside %v", inner, outer)
	}
}

// jCheckRange checks that r is ordered and that its positions agree with positions counted afresh.
func jCheckRange(t *testing.T, src []byte, r hcl.Range, what string) {
	if r.Filename != jFile || r.Start.Byte > r.End.Byte || r.Start.Line > r.End.Line ||
		r.Start.Line == r.End.Line && r.Start.Column > r.End.Column {
		t.Fatalf("%s: bad range %#v", what, r)
	}
	for _, pos := range []hcl.Pos{r.Start, r.End} {
		if want := jPosAt(src, pos.Byte); pos != want {
			t.Fatalf("%s: position %#v, want %#v", what, pos, want)
		}
	}
}

// jPosAt counts the line and column of the byte at off from the start of src.
func jPosAt(src []byte, off int) hcl.Pos {
	if off < 0 || off > len(src) {
		return hcl.Pos{Line: -1, Column: -1, Byte: off}
	}
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	if lineStart == 0 && bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		lineStart = 3
	}
	if off < lineStart {
		return hcl.Pos{Line: -1, Column: -1, Byte: off}
	}
	return hcl.Pos{Line: bytes.Count(src[:off], []byte("\n")) + 1, Column: utf8.RuneCount(src[lineStart:off]) + 1, Byte: off}
}

func TestParseJSONARMSnippets(t *testing.T) {
	for i, src := range jARMSnippets {
		if root, diags := ParseJSON([]byte(src), jFile); diags.HasErrors() || root.Kind != Object {
			t.Errorf("snippet %d: %v", i, diags)
		}
	}
}
