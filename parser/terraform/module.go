// Package terraform is the Terraform front end: it evaluates each root module with hashicorp/hcl and
// go-cty (variables, tfvars, locals, count, for_each, dynamic blocks, functions, local and downloaded
// modules) and turns the resources the adapters know into the ARM-shaped model.
package terraform

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

var fileSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "terraform"},
		{Type: "provider", LabelNames: []string{"name"}},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "module", LabelNames: []string{"name"}},
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "ephemeral", LabelNames: []string{"type", "name"}},
		{Type: "check", LabelNames: []string{"name"}},
		{Type: "moved"},
		{Type: "import"},
		{Type: "removed"},
	},
}

var (
	variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "default"}, {Name: "type"}, {Name: "nullable"}}}
	outputSchema   = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "value"}, {Name: "sensitive"}}}
	moduleSchema   = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "source"}, {Name: "version"}, {Name: "count"}, {Name: "for_each"}, {Name: "providers"}, {Name: "depends_on"},
	}}
	resourceSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: "provider"}, {Name: "depends_on"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "lifecycle"}, {Type: "connection"}, {Type: "provisioner", LabelNames: []string{"type"}}},
	}
)

// module is one parsed module folder.
type module struct {
	dir       string
	variables []*variable
	locals    []*hcl.Attribute
	outputs   []*output
	calls     []*moduleCall
	resources []*resourceBlock
	data      []*resourceBlock
	ephemeral []*resourceBlock
}

type variable struct {
	name     string
	defaultV *hcl.Attribute
	nullable *hcl.Attribute
	// typ is the declared type (any when none is declared or it does not parse), with the defaults of
	// its optional attributes.
	typ      cty.Type
	defaults *typeexpr.Defaults
}

type output struct {
	name      string
	header    hcl.Range
	value     *hcl.Attribute
	sensitive *hcl.Attribute
}

type moduleCall struct {
	name      string
	source    string
	block     *hcl.Block
	count     *hcl.Attribute
	forEach   *hcl.Attribute
	dependsOn *hcl.Attribute
	inputs    hcl.Attributes
}

type resourceBlock struct {
	typ, name string
	block     *hcl.Block
	count     *hcl.Attribute
	forEach   *hcl.Attribute
	dependsOn *hcl.Attribute
	body      hcl.Body
}

// loader parses files once, however many roots and module calls read them, and may be shared by
// goroutines.
type loader struct {
	mu      sync.Mutex
	files   map[string]*hcl.File
	modules map[string]*parsedModule
	funcs   map[string]map[string]function.Function
	// manifests caches each root's .terraform/modules/modules.json.
	manifests map[string]manifest
}

// manifest is what modules.json says: module key → folder, or why it could not be read.
type manifest struct {
	dirs map[string]string
	err  error
}

type parsedModule struct {
	once  sync.Once
	mod   *module
	diags hcl.Diagnostics
}

func newLoader() *loader {
	return &loader{files: map[string]*hcl.File{}, modules: map[string]*parsedModule{},
		funcs: map[string]map[string]function.Function{}, manifests: map[string]manifest{}}
}

// IsConfigFile reports whether Terraform reads a file of this name as configuration. Like Terraform, it
// passes over editors' backup and lock files (.#main.tf, main.tf~, #main.tf#).
func IsConfigFile(name string) bool {
	name = filepath.Base(name)
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || (strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) {
		return false
	}
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}

// isOverrideFile reports whether Terraform merges name into the blocks of the other files rather than
// adding its own: override.tf and *_override.tf, in either syntax.
func isOverrideFile(name string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(name, ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}

// module parses the folder once; later calls return the same result.
func (l *loader) module(dir string) (*module, hcl.Diagnostics) {
	l.mu.Lock()
	pm, ok := l.modules[dir]
	if !ok {
		pm = &parsedModule{}
		l.modules[dir] = pm
	}
	l.mu.Unlock()
	pm.once.Do(func() {
		defer func() {
			if p := recover(); p != nil {
				pm.mod, pm.diags = nil, hcl.Diagnostics{internalError(dir, p)}
			}
		}()
		pm.mod, pm.diags = l.parseModule(dir)
	})
	return pm.mod, pm.diags
}

func (l *loader) parseFile(path string) (*hcl.File, hcl.Diagnostics) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read file", Detail: err.Error(),
			Subject: &hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos}}}
	}
	var file *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(path, ".json") {
		file, diags = hcljson.Parse(src, path)
	} else {
		file, diags = hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	}
	if file != nil {
		l.mu.Lock()
		l.files[path] = file
		l.mu.Unlock()
	}
	return file, diags
}

// parseDiagnostics returns the parse errors of every module folder read, once each, ordered by folder.
func (l *loader) parseDiagnostics() hcl.Diagnostics {
	l.mu.Lock()
	dirs := make([]string, 0, len(l.modules))
	for dir := range l.modules {
		dirs = append(dirs, dir)
	}
	l.mu.Unlock()
	slices.Sort(dirs)
	var out hcl.Diagnostics
	for _, dir := range dirs {
		_, diags := l.module(dir)
		out = append(out, diags...)
	}
	return out
}

// downloaded finds a module that terraform init placed under the root's .terraform/modules. The error
// says why a manifest that is there could not be read.
func (l *loader) downloaded(root, key string) (string, bool, error) {
	l.mu.Lock()
	m, ok := l.manifests[root]
	if !ok {
		m.dirs, m.err = readManifest(root)
		l.manifests[root] = m
	}
	l.mu.Unlock()
	dir, ok := m.dirs[key]
	if !ok {
		return "", false, m.err
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return "", false, nil
	}
	return dir, true, nil
}

// manifestPath is where terraform init records the modules it downloaded.
func manifestPath(root string) string {
	return filepath.Join(root, ".terraform", "modules", "modules.json")
}

// readManifest reads .terraform/modules/modules.json, whose Dir entries are relative to the root. A
// missing manifest means nothing was downloaded.
func readManifest(root string) (map[string]string, error) {
	src, err := os.ReadFile(manifestPath(root))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var manifest struct {
		Modules []struct{ Key, Dir string }
	}
	if err := json.Unmarshal(src, &manifest); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, m := range manifest.Modules {
		if m.Key != "" {
			out[m.Key] = filepath.Join(root, filepath.FromSlash(m.Dir))
		}
	}
	return out, nil
}

// sources returns the text of every configuration file parsed so far, by file name, for writers that
// quote the line of a finding. Variable files are left out: they are where secrets are passed in, and a
// parse error in one must not print its line.
func (l *loader) sources() map[string][]byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[string][]byte, len(l.files))
	for name, f := range l.files {
		if !isVarFile(name) {
			out[name] = f.Bytes
		}
	}
	return out
}

func isVarFile(name string) bool {
	return strings.HasSuffix(name, ".tfvars") || strings.HasSuffix(name, ".tfvars.json")
}

// fileCount is the number of files read, variable files included.
func (l *loader) fileCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.files)
}

func (l *loader) parseModule(dir string) (*module, hcl.Diagnostics) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read module folder", Detail: err.Error(),
			Subject: &hcl.Range{Filename: dir, Start: hcl.InitialPos, End: hcl.InitialPos}}}
	}
	mod := &module{dir: dir}
	var diags hcl.Diagnostics
	var primary, overrides []*hcl.Block
	for _, e := range entries {
		if e.IsDir() || !IsConfigFile(e.Name()) {
			continue
		}
		file, fileDiags := l.parseFile(filepath.Join(dir, e.Name()))
		diags = append(diags, fileDiags...)
		if file == nil {
			continue
		}
		content, _, contentDiags := file.Body.PartialContent(fileSchema)
		diags = append(diags, contentDiags...)
		for _, block := range content.Blocks {
			if (block.Type == "resource" || block.Type == "module") && broken(block, fileDiags) {
				continue
			}
			if isOverrideFile(e.Name()) {
				overrides = append(overrides, block)
			} else {
				primary = append(primary, block)
			}
		}
	}
	var overrideLocals []*hcl.Block
	for _, o := range overrides {
		if o.Type == "locals" {
			overrideLocals = append(overrideLocals, o)
			continue
		}
		i := slices.IndexFunc(primary, func(b *hcl.Block) bool { return b.Type == o.Type && slices.Equal(b.Labels, o.Labels) })
		if i < 0 && (o.Type == "terraform" || o.Type == "provider") {
			continue // overrides of settings blocks (backend_override.tf) are Terraform's alone
		}
		if i < 0 {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Nothing to override",
				Detail:  fmt.Sprintf("This %s block is in an override file, but no other file declares it, so Terraform rejects it; aigate ignores it.", o.Type),
				Subject: o.DefRange.Ptr()})
			continue
		}
		merged := *primary[i]
		merged.Body = overrideBody{base: merged.Body, override: o.Body}
		primary[i] = &merged
	}
	for _, block := range primary {
		diags = append(diags, mod.add(block)...)
	}
	for _, block := range overrideLocals {
		attrs, attrDiags := block.Body.JustAttributes()
		diags = append(diags, attrDiags...)
		for _, a := range sortedAttributes(attrs) {
			i := slices.IndexFunc(mod.locals, func(l *hcl.Attribute) bool { return l.Name == a.Name })
			if i < 0 {
				mod.locals = append(mod.locals, a)
			} else {
				mod.locals[i] = a
			}
		}
	}
	return mod, diags
}

// broken reports whether a parse error lies inside the block. What the parser recovered of such a block
// may lack the settings that make it secure, so it is left out rather than judged: the parse error is
// reported, and the user fixes that first.
func broken(block *hcl.Block, diags hcl.Diagnostics) bool {
	body, native := block.Body.(*hclsyntax.Body)
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		if !native || d.Subject == nil || hcl.RangeBetween(block.DefRange, body.SrcRange).Overlaps(*d.Subject) {
			return true
		}
	}
	return false
}

func (m *module) add(block *hcl.Block) hcl.Diagnostics {
	switch block.Type {
	case "variable":
		content, _, diags := block.Body.PartialContent(variableSchema)
		v := &variable{name: block.Labels[0], defaultV: content.Attributes["default"], nullable: content.Attributes["nullable"],
			typ: cty.DynamicPseudoType}
		if t := content.Attributes["type"]; t != nil {
			if ty, defaults, typeDiags := typeexpr.TypeConstraintWithDefaults(t.Expr); !typeDiags.HasErrors() {
				v.typ, v.defaults = ty, defaults
			}
		}
		m.variables = append(m.variables, v)
		return diags
	case "locals":
		attrs, diags := block.Body.JustAttributes()
		m.locals = append(m.locals, sortedAttributes(attrs)...)
		return diags
	case "output":
		content, _, diags := block.Body.PartialContent(outputSchema)
		if v := content.Attributes["value"]; v != nil {
			m.outputs = append(m.outputs, &output{name: block.Labels[0], header: block.DefRange, value: v, sensitive: content.Attributes["sensitive"]})
		}
		return diags
	case "module":
		content, remain, diags := block.Body.PartialContent(moduleSchema)
		inputs, inputDiags := remain.JustAttributes()
		call := &moduleCall{name: block.Labels[0], block: block, count: content.Attributes["count"],
			forEach: content.Attributes["for_each"], dependsOn: content.Attributes["depends_on"], inputs: inputs}
		if src := content.Attributes["source"]; src != nil {
			if v, d := src.Expr.Value(nil); !d.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
				call.source = v.AsString()
			}
		}
		m.calls = append(m.calls, call)
		return append(diags, inputDiags...)
	case "resource", "data", "ephemeral":
		content, remain, diags := block.Body.PartialContent(resourceSchema)
		rb := &resourceBlock{typ: block.Labels[0], name: block.Labels[1], block: block,
			count: content.Attributes["count"], forEach: content.Attributes["for_each"], dependsOn: content.Attributes["depends_on"], body: remain}
		switch block.Type {
		case "data":
			m.data = append(m.data, rb)
		case "ephemeral":
			m.ephemeral = append(m.ephemeral, rb)
		default:
			m.resources = append(m.resources, rb)
		}
		return diags
	}
	return nil
}

// sortedAttributes orders attributes as they stand in the source, for output that does not depend on
// map order.
func sortedAttributes(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *hcl.Attribute) int {
		if a.Range.Filename != b.Range.Filename {
			return strings.Compare(a.Range.Filename, b.Range.Filename)
		}
		return a.Range.Start.Byte - b.Range.Start.Byte
	})
	return out
}

// isLocalSource reports whether a module source is a path on disk, which Terraform reads in place.
func isLocalSource(source string) bool {
	return strings.HasPrefix(source, "./") || strings.HasPrefix(source, "../") ||
		strings.HasPrefix(source, ".\\") || strings.HasPrefix(source, "..\\")
}

// internalError reports a bug of ours in one folder, so that it costs the user that folder and not the
// rest of the scan.
func internalError(dir string, p any) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Internal error",
		Detail:  fmt.Sprintf("aigate failed while reading this module (%v); please report it.", p),
		Subject: &hcl.Range{Filename: dir, Start: hcl.InitialPos, End: hcl.InitialPos}}
}

// overrideBody is a block of the primary configuration with an override file's block of the same name
// laid over it, as Terraform merges them: an argument in the override replaces the original's, and
// nested blocks of a type the override writes (directly or as a dynamic block) replace all of the
// original's blocks of that type.
type overrideBody struct {
	base, override hcl.Body
}

func (b overrideBody) Content(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	content, _, diags := b.PartialContent(schema)
	return content, diags
}

func (b overrideBody) PartialContent(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	base, baseRemain, diags := b.base.PartialContent(schema)
	over, overRemain, overDiags := b.override.PartialContent(schema)
	diags = append(diags, overDiags...)
	merged := &hcl.BodyContent{Attributes: hcl.Attributes{}, MissingItemRange: base.MissingItemRange}
	maps.Copy(merged.Attributes, base.Attributes)
	maps.Copy(merged.Attributes, over.Attributes)
	replaced := map[string]bool{}
	for _, block := range over.Blocks {
		replaced[nestedType(block)] = true
	}
	for _, block := range base.Blocks {
		if !replaced[nestedType(block)] {
			merged.Blocks = append(merged.Blocks, block)
		}
	}
	merged.Blocks = append(merged.Blocks, over.Blocks...)
	return merged, overrideBody{base: baseRemain, override: overRemain}, diags
}

func (b overrideBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) {
	attrs, diags := b.base.JustAttributes()
	over, overDiags := b.override.JustAttributes()
	if attrs == nil {
		attrs = hcl.Attributes{}
	}
	maps.Copy(attrs, over)
	return attrs, append(diags, overDiags...)
}

func (b overrideBody) MissingItemRange() hcl.Range { return b.base.MissingItemRange() }

// nestedType is the block type a nested block writes: its own, or the label of a dynamic block.
func nestedType(block *hcl.Block) string {
	if block.Type == "dynamic" && len(block.Labels) == 1 {
		return block.Labels[0]
	}
	return block.Type
}
