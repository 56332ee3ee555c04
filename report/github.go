package report

import (
	"io"
	"strconv"
	"strings"
)

// GitHub writes one GitHub Actions workflow command per finding and diagnostic, which the runner turns
// into an annotation on the file and lines of the pull request:
//
//	::error file=infra/openai.tf,line=14,endLine=14,col=3,endColumn=28,title=AIG201 ai-account-local-auth::Azure OpenAI account 'oai' accepts API keys ...
//
// The command is error, warning or notice, as the word of a compact line.
func GitHub(w io.Writer, r Report) error {
	return writeLines(w, r, workflowCommand)
}

func workflowCommand(e entry) string {
	var props []string
	if e.located {
		props = append(props,
			"file="+escapeProperty(e.file),
			"line="+strconv.Itoa(e.rng.Start.Line),
			"endLine="+strconv.Itoa(e.rng.End.Line),
			"col="+strconv.Itoa(e.rng.Start.Column),
			"endColumn="+strconv.Itoa(e.rng.End.Column),
		)
	}
	if title := strings.TrimSpace(e.ruleID + " " + e.ruleName); title != "" {
		props = append(props, "title="+escapeProperty(title))
	}
	cmd := "::" + e.word
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	return cmd + "::" + escapeData(e.message)
}

// escapeData and escapeProperty escape as the Actions toolkit does (packages/core/src/command.ts): the
// runner splits a command at newlines, its properties at commas and the property list from the message at
// "::", and it decodes these escapes, % first.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
