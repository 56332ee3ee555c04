package checks

import (
	"fmt"
	"strings"

	"github.com/aigate-dev/aigate/model"
	"github.com/zclconf/go-cty/cty"
)

const aiAccountType = "Microsoft.CognitiveServices/accounts"

// aiAccountNoun names an AI account the way its users know it: "Azure OpenAI account 'oai'".
func aiAccountNoun(r *model.Resource) string {
	kind, _ := r.Kind()
	var noun string
	switch {
	case strings.EqualFold(kind, "OpenAI"):
		noun = "Azure OpenAI account"
	case strings.EqualFold(kind, "AIServices"):
		noun = "Azure AI Services account"
	case kind != "":
		noun = "Azure AI " + kind + " account"
	default:
		noun = "Azure AI account"
	}
	if name, known := r.Body.Get("name").String(); (!known || name == "") && r.NameExpr != "" {
		// A name known only at deployment is shown as the expression that computes it.
		return fmt.Sprintf("%s named by %s", noun, r.NameExpr)
	}
	return fmt.Sprintf("%s '%s'", noun, r.Name())
}

// evidence says, in the user's language, what the value at path is: "local_auth_enabled = true",
// "local_auth_enabled is not set and defaults to true", "properties.disableLocalAuth is not set, so the
// service default false applies", "local_auth_enabled is unknown until deployment (it comes from
// var.keys)". whenAbsent says what the service does when nothing is sent; "" when that needs no words.
func evidence(r *model.Resource, path string, v *model.Value, whenAbsent string) string {
	spell := r.SpellingOf(v)
	name := spell.Path(path)
	switch {
	case v == nil || v.IsNull():
		if whenAbsent != "" {
			return name + " is not set, so " + whenAbsent
		}
		return name + " is not set"
	case v.State == model.Unknown:
		for _, ref := range v.Refs {
			if ref.Kind == model.FailedRef {
				return name + " could not be evaluated (see the warning at " + ref.Address + ")"
			}
		}
		return name + " is unknown until deployment" + origin(v.Refs)
	case v.State == model.Defaulted:
		return fmt.Sprintf("%s is not set and defaults to %s", name, spell.Value(path, v.Cty()))
	}
	return fmt.Sprintf("%s = %s", name, spell.Value(path, v.Cty()))
}

func origin(refs []model.Ref) string {
	if len(refs) == 0 {
		return ""
	}
	names := make([]string, len(refs))
	for i, ref := range refs {
		names[i] = ref.Address
	}
	return " (it comes from " + strings.Join(names, ", ") + ")"
}

// want says, in the language of whatever wrote the deciding value, how to make it secure: "set
// local_auth_enabled = false", "add a customer_managed_key block".
func want(r *model.Resource, path string, v *model.Value, secure cty.Value) string {
	return r.SpellingOf(v).Instruct(path, secure)
}

// isString reports whether v is a known string equal to s, ignoring case as ARM does.
func isString(v *model.Value, s string) bool {
	got, ok := v.String()
	return ok && strings.EqualFold(got, s)
}

// isTrue reports whether v is a known true.
func isTrue(v *model.Value) bool {
	b, ok := v.Bool()
	return ok && b
}

// written returns the first of values that the user wrote, or nil: the value a finding lands on.
func written(values ...*model.Value) *model.Value {
	for _, v := range values {
		if v != nil && v.State != model.Defaulted && !v.IsNull() {
			return v
		}
	}
	return nil
}

// maybe picks the verb for a finding: the sure one, or the hedged one when a deciding value is unknown.
func maybe(sure, hedged string, values ...*model.Value) string {
	if anyUnknown(values...) {
		return hedged
	}
	return sure
}

// anyUnknown reports whether any of the values is Unknown.
func anyUnknown(values ...*model.Value) bool {
	for _, v := range values {
		if v != nil && v.State == model.Unknown {
			return true
		}
	}
	return false
}
