package armexpr

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"

	"github.com/aigate-dev/aigate/model"
)

// emptyScope declares nothing: every parameters() and variables() is the user's mistake.
type emptyScope struct{}

func (emptyScope) Parameter(string) (cty.Value, bool) { return cty.NilVal, false }
func (emptyScope) Variable(string) (cty.Value, bool)  { return cty.NilVal, false }
func (emptyScope) CopyIndex(string) (int, bool)       { return 0, false }
func (emptyScope) Resource(string) (model.Ref, bool)  { return model.Ref{}, false }

// FuzzParse feeds arbitrary text to Parse, and what parses to Eval, with no scope and with the tests' one
// (whose known values reach the functions' known paths). Neither may panic, Parse must report its errors
// as a *SyntaxError within the text, and Eval must always return a value.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"concat('oai-', uniqueString(resourceGroup().id))",
		"if(equals(parameters('env'), 'prod'), 'Disabled', 'Enabled')",
		"reference(resourceId('Microsoft.CognitiveServices/accounts', variables('name')), '2023-05-01').endpoint",
		"listKeys(resourceId('Microsoft.Storage/storageAccounts', parameters('storageName')), '2023-01-01').keys[0].value",
		"format('{0}-{1:D3}', parameters('prefix'), copyIndex(1))",
		"concat('vm', copyIndex('disks', 1))",
		"parameters('cfg').network[0].id",
		"union(parameters('tags'), createObject('env', parameters('env')))",
		"if(empty(parameters('keyVaultId')), json('null'), createObject('keyVaultUri', reference(parameters('keyVaultId'), '2023-07-01').vaultUri))",
		"resourceId(subscription().subscriptionId, resourceGroup().name, 'Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')",
		"extensionResourceId(resourceId('Microsoft.CognitiveServices/accounts', 'oai'), 'Microsoft.Authorization/roleAssignments', guid('x'))",
		"and(not(contains(parameters('list'), 'a')), or(less(length(parameters('list')), 3), greaterOrEquals(add(1, -2), 0)))",
		"string(intersection(createArray(1, 2, 3), range(2, 5)))",
		"toLower(replace(substring(padLeft('abc', 10, '0'), 2, 5), '0', ''))",
		"split('a,b;c', createArray(',', ';'))[2]",
		"base64ToString(base64('it''s'))",
		"uri(deployment().properties.templateLink.uri, 'nested/main.json')",
		"coalesce(tryGet(parameters('cfg'), 'missing'), first(items(parameters('cfg'))).key)",
		"myNamespace.myFunction(parameters('marked'))",
		"format('{0,-5}|{1:N2}|{{}}', 'a', 1234)",
		"json('{\"a\": [1, true, null]}').a[0]",
		"take(skip(parameters('list'), 1), -1)",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		e, err := Parse(text)
		if err != nil {
			var syntax *SyntaxError
			if !errors.As(err, &syntax) || syntax.Offset < 0 || syntax.Offset > utf8.RuneCountInString(text) {
				t.Fatalf("Parse(%q) = %v: not a *SyntaxError within the text", text, err)
			}
			return
		}
		CallsList(e)
		for _, s := range []Scope{emptyScope{}, scope} {
			if v, _ := Eval(e, s); v.Type() == cty.NilType {
				t.Fatalf("Eval(%q, %T) returned no value", text, s)
			}
		}
	})
}
