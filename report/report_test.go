package report

import (
	"path/filepath"
	"testing"

	"github.com/aigate-dev/aigate/model"
	"github.com/hashicorp/hcl/v2"
)

func at(file string, line, col, endLine, endCol int) hcl.Range {
	return hcl.Range{
		Filename: file,
		Start:    hcl.Pos{Line: line, Column: col},
		End:      hcl.Pos{Line: endLine, Column: endCol},
	}
}

func finding(rule string, sev model.Severity, rng hcl.Range, message string) model.Finding {
	return model.Finding{
		RuleID:     rule,
		Severity:   sev,
		Confidence: model.Certain,
		Range:      rng,
		Resource:   "azurerm_cognitive_account.oai",
		Message:    message,
		Language:   model.Terraform,
	}
}

func uncertain(f model.Finding) model.Finding {
	f.Confidence = model.Uncertain
	return f
}

func TestPath(t *testing.T) {
	tests := []struct {
		name, root, workDir, file, want string
	}{
		{"absolute inside root", "/repo", "", "/repo/infra/main.tf", "infra/main.tf"},
		{"absolute at root", "/repo", "", "/repo/main.tf", "main.tf"},
		{"relative", "/repo", "", "infra/main.tf", "infra/main.tf"},
		{"dot prefix dropped", "/repo", "", "./infra/main.tf", "infra/main.tf"},
		{"untidy relative cleaned", "/repo", "", "infra//ai/../main.tf", "infra/main.tf"},
		{"absolute outside root", "/repo", "", "/elsewhere/main.tf", "/elsewhere/main.tf"},
		{"sibling of root", "/repo", "", "/repository/main.tf", "/repository/main.tf"},
		{"relative outside root made absolute", "/repo", "", "../shared/main.tf", "/shared/main.tf"},
		{"relative to a working directory below the root", "/repo", "/repo/infra", "main.tf", "infra/main.tf"},
		{"climbing from the working directory into the root", "/repo", "/repo/infra", "../net/main.tf", "net/main.tf"},
		{"climbing out of the root from the working directory", "/repo", "/repo/infra", "../../x/main.tf", "/x/main.tf"},
		{"absolute ignores the working directory", "/repo", "/repo/infra", "/repo/net/main.tf", "net/main.tf"},
		{"no root keeps absolute names", "", "", "/repo/main.tf", "/repo/main.tf"},
		{"no root cleans relative names", "", "", "./infra/main.tf", "infra/main.tf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Report{Root: filepath.FromSlash(tt.root), WorkDir: filepath.FromSlash(tt.workDir)}
			if got := r.Path(filepath.FromSlash(tt.file)); got != tt.want {
				t.Errorf("Report{Root: %q, WorkDir: %q}.Path(%q) = %q, want %q", tt.root, tt.workDir, tt.file, got, tt.want)
			}
		})
	}
}

func TestParseUnknownMode(t *testing.T) {
	for _, mode := range []UnknownMode{UnknownIgnore, UnknownWarn, UnknownFail} {
		got, err := ParseUnknownMode(mode.String())
		if err != nil || got != mode {
			t.Errorf("ParseUnknownMode(%q) = %v, %v; want %v", mode.String(), got, err, mode)
		}
	}
	if got, err := ParseUnknownMode("FAIL"); err != nil || got != UnknownFail {
		t.Errorf("ParseUnknownMode(FAIL) = %v, %v; want fail", got, err)
	}
	if _, err := ParseUnknownMode("maybe"); err == nil {
		t.Error("ParseUnknownMode(maybe) succeeded, want an error")
	}
}
