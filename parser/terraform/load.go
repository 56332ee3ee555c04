package terraform

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/aigate-dev/aigate/model"
	"github.com/aigate-dev/aigate/parser/terraform/funcs"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty/function"
)

// Options are the inputs of the root modules, as terraform plan takes them.
type Options struct {
	// Inputs are the -var-file and -var arguments, applied in order after terraform.tfvars and
	// *.auto.tfvars, a later one winning.
	Inputs []Input
}

// Input is one -var-file (File) or one -var (Var, as name=value).
type Input struct {
	File string
	Var  string
}

// Result is what the front end found in a set of module folders.
type Result struct {
	// Deployments are one per root module, with the modules it calls; patches are merged into their
	// targets within each: what the rules judge.
	Deployments []*model.Deployment
	// Resources are the resources of every deployment, in order.
	Resources   []*model.Resource
	Diagnostics hcl.Diagnostics
	// Sources holds the text of every configuration file read, by file name; variable files, which
	// carry secrets, are left out.
	Sources map[string][]byte
	// Files counts every file read.
	Files int
}

// Load evaluates every root module among dirs: each folder that no other folder among them calls as a
// local module. A module called from elsewhere is evaluated through its calls, with the inputs they
// pass, as Terraform would.
func Load(dirs []string, opts Options) Result {
	l := newLoader()
	roots := l.roots(dirs)
	var diags hcl.Diagnostics
	results := make([]*collector, len(roots))
	parallel(len(roots), func(i int) { results[i] = l.evalRoot(roots[i], opts) })
	var res Result
	for _, c := range results {
		if c.deployment != nil {
			res.Deployments = append(res.Deployments, c.deployment)
			res.Resources = append(res.Resources, c.deployment.Resources...)
		}
		diags = append(diags, c.diags...)
	}
	res.Diagnostics = slices.Concat(diags, l.parseDiagnostics())
	res.Sources, res.Files = l.sources(), l.fileCount()
	return res
}

// parallel runs work(0..n-1) on as many goroutines as there are processors.
func parallel(n int, work func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				work(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

func (l *loader) roots(dirs []string) []string {
	parallel(len(dirs), func(i int) { _, _ = l.module(dirs[i]) })
	calls := map[string][]string{} // folder → the local module folders it calls
	called := map[string]bool{}
	for _, dir := range slices.Sorted(slices.Values(dirs)) {
		mod, _ := l.module(dir)
		if mod == nil {
			continue
		}
		dir = filepath.Clean(dir)
		for _, call := range mod.calls {
			if isLocalSource(call.source) {
				target := filepath.Clean(filepath.Join(dir, call.source))
				calls[dir] = append(calls[dir], target)
				called[target] = true
			}
		}
	}
	var roots []string
	reached := map[string]bool{}
	var reach func(dir string)
	reach = func(dir string) {
		if reached[dir] {
			return
		}
		reached[dir] = true
		for _, target := range calls[dir] {
			reach(target)
		}
	}
	for _, dir := range slices.Sorted(slices.Values(dirs)) {
		if !called[filepath.Clean(dir)] {
			roots = append(roots, dir)
			reach(filepath.Clean(dir))
		}
	}
	// Folders that only call each other (a cycle, or a module that calls its own folder) have no caller
	// outside: the first of each such group is evaluated as a root, so that its resources are scanned and
	// the cycle is reported.
	for _, dir := range slices.Sorted(slices.Values(dirs)) {
		if !reached[filepath.Clean(dir)] {
			roots = append(roots, dir)
			reach(filepath.Clean(dir))
		}
	}
	slices.Sort(roots)
	return slices.Compact(roots)
}

// maxRootInstances bounds the resource and module instances one root may create, so that for_each
// modules nested in for_each modules cannot multiply into a hang.
const maxRootInstances = 100_000

// collector gathers what the modules of one root produce.
type collector struct {
	resources []*model.Resource
	// outputs are the root module's.
	outputs []*model.Output
	// azapi holds the resources read from azapi_resource and azapi_update_resource.
	azapi []*model.Resource
	// moduleCalls holds the addresses of the module calls that a depends_on names.
	moduleCalls map[string]bool
	deployment  *model.Deployment
	diags       hcl.Diagnostics
	warned      map[string]bool
	instances   int
}

func (l *loader) evalRoot(dir string, opts Options) (c *collector) {
	c = &collector{warned: map[string]bool{}, moduleCalls: map[string]bool{}}
	defer func() {
		if p := recover(); p != nil {
			c.resources = nil
			c.diags = append(c.diags, internalError(dir, p))
		}
	}()
	mod, _ := l.module(dir)
	if mod == nil {
		return c
	}
	inputs, diags := l.rootInputs(dir, mod, opts)
	c.diags = append(c.diags, diags...)
	e := &moduleEval{l: l, root: dir, workspace: workspace(dir), mod: mod, inputs: inputs, out: c, chain: []string{filepath.Clean(dir)}}
	e.run()
	c.dependOnModules()
	c.scopeByReference()
	// Patches apply within the configuration that holds them: another root is another deployment.
	c.deployment = model.NewDeployment(dir, model.Terraform, c.resources, c.outputs)
	return c
}

// workspace is terraform.workspace as terraform would see it in root: TF_WORKSPACE, else the workspace
// terraform workspace select recorded, else "default".
func workspace(root string) string {
	if w := os.Getenv("TF_WORKSPACE"); w != "" {
		return w
	}
	if b, err := os.ReadFile(filepath.Join(root, ".terraform", "environment")); err == nil {
		if w := strings.TrimSpace(string(b)); w != "" {
			return w
		}
	}
	return "default"
}

// functions returns the built-in functions for a root: file functions read relative to it.
func (l *loader) functions(dir string) map[string]function.Function {
	l.mu.Lock()
	defer l.mu.Unlock()
	if f, ok := l.funcs[dir]; ok {
		return f
	}
	f := funcs.Table(dir)
	l.funcs[dir] = f
	return f
}
