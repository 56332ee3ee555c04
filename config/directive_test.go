package config

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// describeDirective prints what a test pins: where the directive is written, the line it covers, the
// rule, the expiry and the reason.
func describeDirective(d Directive) string {
	s := fmt.Sprintf("%d:%d-%d covers %d: %s", d.Range.Start.Line, d.Range.Start.Column, d.Range.End.Column, d.Line, d.Rule)
	if !d.Expires.IsZero() {
		s += " until " + d.Expires.Format(dateLayout)
	}
	if d.Reason != "" {
		s += " -- " + d.Reason
	}
	return s
}

func describeNotice(d *hcl.Diagnostic) string {
	return fmt.Sprintf("%d:%d-%d %s", d.Subject.Start.Line, d.Subject.Start.Column, d.Subject.End.Column, d.Summary)
}

func TestCommentDirectives(t *testing.T) {
	tests := []struct {
		name, file, src string
		want, notices   []string
	}{
		{
			name: "terraform: trailing comment covers its own line",
			file: "main.tf",
			src: `resource "azurerm_cognitive_account" "a" {
  local_auth_enabled = true # aigate:ignore:AIG201 -- the legacy app signs with keys
}
`,
			want: []string{"2:31-51 covers 2: AIG201 -- the legacy app signs with keys"},
		},
		{
			name: "terraform: a comment on its own line covers the code below it, past further comments",
			file: "main.tf",
			src: `# aigate:ignore:AIG101
// aigate:ignore:AIG301:exp:2026-12-31 -- rollout in Q3
/* aigate:ignore:AIG201 */
resource "azurerm_cognitive_account" "a" {
}
`,
			want: []string{
				"1:3-23 covers 4: AIG101",
				"2:4-39 covers 4: AIG301 until 2026-12-31 -- rollout in Q3",
				"3:4-24 covers 4: AIG201",
			},
		},
		{
			name: "terraform: several per comment share the reason",
			file: "main.tf",
			src:  "resource \"x\" \"y\" { #aigate:ignore:AIG101 aigate:ignore:aig201 -- both accepted\n}\n",
			want: []string{"1:21-41 covers 1: AIG101 -- both accepted", "1:42-62 covers 1: AIG201 -- both accepted"},
		},
		{
			name: "terraform: a blank line below leaves the comment covering the blank line",
			file: "main.tf",
			src:  "# aigate:ignore:AIG101\n\nresource \"x\" \"y\" {}\n",
			want: []string{"1:3-23 covers 2: AIG101"},
		},
		{
			name: "terraform: strings and heredocs are no comments",
			file: "main.tf",
			src: `locals {
  a = "# aigate:ignore:AIG101"
  b = <<EOT
// aigate:ignore:AIG201
EOT
}
`,
		},
		{
			name: "terraform: multi-line block comment",
			file: "main.tf",
			src:  "/*\n * aigate:ignore:AIG101 -- reason\n */\nresource \"x\" \"y\" {}\n",
			want: []string{"2:4-24 covers 4: AIG101 -- reason"},
		},
		{
			name: "terraform: malformed directives are notices",
			file: "main.tf",
			src: `# aigate:ignore:* aigate:ignore:AIG101,AIG201 aigate:ignore:AIG101:exp:2026-13-01
# aigate:ignore:AIG101:until:2026-01-01 aigate:ignore: aigate:ignore:AIG301
resource "x" "y" {}
`,
			want: []string{"2:56-76 covers 3: AIG301"},
			notices: []string{
				"1:3-18 Ignore refused",
				"1:19-46 Malformed ignore",
				"1:47-82 Malformed ignore",
				"2:3-40 Malformed ignore",
				"2:41-55 Malformed ignore",
			},
		},
		{
			name: "terraform JSON has no comments",
			file: "main.tf.json",
			src:  `{"//": "aigate:ignore:AIG101"}`,
		},
		{
			name: "bicep: above the decorators, trailing, and inside an object",
			file: "main.bicep",
			src: `// aigate:ignore:AIG101 -- behind the firewall
@description('the account')
resource oai 'Microsoft.CognitiveServices/accounts@2025-06-01' = { // aigate:ignore:AIG301
  name: 'oai-${'x'}-//not-a-comment'
  properties: {
    /* aigate:ignore:AIG201 */
    disableLocalAuth: false
  }
}
`,
			want: []string{
				"1:4-24 covers 3: AIG101 -- behind the firewall",
				"3:71-91 covers 3: AIG301",
				"6:8-28 covers 7: AIG201",
			},
		},
		{
			name: "bicep: strings are no comments",
			file: "main.bicep",
			src:  "var a = '''\n// aigate:ignore:AIG101\n'''\nvar b = 'it''s // aigate:ignore:AIG201'\nvar c = '${'}'}// aigate:ignore:AIG301'\n",
			// 'it''s ...' is two strings side by side in Bicep, which escapes with \'; what matters is that
			// no directive hides in them.
		},
		{
			name: "bicepparam files are Bicep",
			file: "main.bicepparam",
			src:  "using 'main.bicep'\n// aigate:ignore:AIG101\nparam a = 1\n",
			want: []string{"2:4-24 covers 3: AIG101"},
		},
		{
			name: "ARM: JSONC comments, not strings",
			file: "azuredeploy.json",
			src: `{
  "resources": [
    // aigate:ignore:AIG101 -- comment above the object
    {
      "type": "Microsoft.CognitiveServices/accounts", /* aigate:ignore:AIG301 */
      "name": "a\"// aigate:ignore:AIG201",
      "properties": {}
    }
  ]
}
`,
			want: []string{
				"3:8-28 covers 4: AIG101 -- comment above the object",
				"5:58-78 covers 5: AIG301",
			},
		},
		{
			name: "CRLF line ends",
			file: "main.tf",
			src:  "# aigate:ignore:AIG101 -- reason\r\nresource \"x\" \"y\" {}\r\n",
			want: []string{"1:3-23 covers 2: AIG101 -- reason"},
		},
		{
			name: "other files have none",
			file: "terraform.tfvars",
			src:  "# aigate:ignore:AIG101\na = 1\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			directives, diags := CommentDirectives(tt.file, []byte(tt.src))
			var got, notices []string
			for _, d := range directives {
				if d.Range.Filename != tt.file {
					t.Errorf("directive in %q", d.Range.Filename)
				}
				got = append(got, describeDirective(d))
			}
			for _, d := range diags {
				if d.Severity != hcl.DiagWarning {
					t.Errorf("a malformed ignore must never fail the run: %s", d.Error())
				}
				notices = append(notices, describeNotice(d))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("directives differ (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.notices, notices); diff != "" {
				t.Errorf("notices differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseDirective(t *testing.T) {
	at := hcl.Range{Filename: "t.json", Start: hcl.Pos{Line: 3, Column: 5}, End: hcl.Pos{Line: 3, Column: 20}}
	tests := []struct {
		text, want, notice string
	}{
		{text: "AIG201", want: "3:5-20 covers 0: AIG201"},
		{text: "aig201:exp:2026-12-31 -- keys for the legacy app", want: "3:5-20 covers 0: AIG201 until 2026-12-31 -- keys for the legacy app"},
		{text: "aigate:ignore:AIG201 -- prefix tolerated", want: "3:5-20 covers 0: AIG201 -- prefix tolerated"},
		{text: "AIG201 AIG101", notice: "Malformed ignore"},
		{text: "*", notice: "Ignore refused"},
		{text: "AIG201:exp:soon", notice: "Malformed ignore"},
		{text: "", notice: "Malformed ignore"},
	}
	for _, tt := range tests {
		d, diag := ParseDirective(tt.text, at)
		switch {
		case tt.notice != "":
			if diag == nil || diag.Summary != tt.notice || diag.Severity != hcl.DiagWarning || *diag.Subject != at {
				t.Errorf("%q: notice %v, want %s at the entry", tt.text, diag, tt.notice)
			}
		case diag != nil:
			t.Errorf("%q: %s", tt.text, diag.Error())
		case describeDirective(d) != tt.want:
			t.Errorf("%q: %s, want %s", tt.text, describeDirective(d), tt.want)
		}
	}
}

// TestCommentDirectivesNeverPanic feeds every prefix of tricky sources: unterminated strings, comments
// and interpolations must not read past the end.
func TestCommentDirectivesNeverPanic(t *testing.T) {
	sources := map[string]string{
		"a.bicep": "var a = '${'x'}' // aigate:ignore:AIG101\nvar b = '''x''' /* aigate:ignore:AIG201 */ '\\'",
		"a.json":  `{"a": "\"//", /* aigate:ignore:AIG101 */ "b": 1} // aigate:ignore:AIG201` + "\r\n",
		"a.tf":    "a = \"${x}\" # aigate:ignore:AIG101\n/* aigate:ignore:AIG201 */ b = <<EOT\nx\nEOT\n",
	}
	for name, src := range sources {
		for i := range len(src) + 1 {
			directives, notices := CommentDirectives(name, []byte(src[:i]))
			for _, d := range directives {
				if d.Range.End.Byte > i {
					t.Errorf("%s cut at %d: a directive ends past the end, at %d", name, i, d.Range.End.Byte)
				}
			}
			for _, d := range notices {
				if d.Subject.End.Byte > i {
					t.Errorf("%s cut at %d: a notice ends past the end, at %d", name, i, d.Subject.End.Byte)
				}
			}
		}
	}
}
