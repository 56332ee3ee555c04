// Package funcs provides Terraform's built-in functions for evaluating HCL expressions offline.
//
// go-cty's stdlib and go-cty-yaml supply most of them; this package writes the rest the
// way Terraform behaves. Functions whose result only a real run can know (the clock, randomness, a salted
// hash) return unknown values, so checks treat them as undecidable instead of failing the evaluation.
package funcs

import (
	"crypto/md5"  //nolint:gosec // md5() and filemd5() are Terraform functions; no security rests on them here
	"crypto/sha1" //nolint:gosec // so are sha1() and filesha1()
	"crypto/sha256"
	"crypto/sha512"
	"maps"
	"net/url"
	"path/filepath"
	"strings"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Table returns Terraform's built-in functions for a module whose files live in baseDir
// (file(), templatefile(), fileexists() ... read relative to it).
func Table(baseDir string) map[string]function.Function {
	t := map[string]function.Function{
		"abs":              stdlib.AbsoluteFunc,
		"abspath":          absPathFunc(baseDir),
		"alltrue":          allTrueFunc,
		"anytrue":          anyTrueFunc,
		"base64decode":     base64DecodeFunc,
		"base64encode":     bytesFunc("str", base64Text),
		"base64gzip":       bytesFunc("str", base64Gzip),
		"base64sha256":     bytesFunc("str", digest(sha256.New, base64Text)),
		"base64sha512":     bytesFunc("str", digest(sha512.New, base64Text)),
		"basename":         bytesFunc("path", pure(filepath.Base)),
		"bcrypt":           bcryptFunc,
		"can":              canFunc,
		"ceil":             stdlib.CeilFunc,
		"chomp":            stdlib.ChompFunc,
		"chunklist":        stdlib.ChunklistFunc,
		"cidrhost":         cidrHostFunc,
		"cidrnetmask":      cidrNetmaskFunc,
		"cidrsubnet":       cidrSubnetFunc,
		"cidrsubnets":      cidrSubnetsFunc,
		"coalesce":         coalesceFunc,
		"coalescelist":     stdlib.CoalesceListFunc,
		"compact":          stdlib.CompactFunc,
		"concat":           stdlib.ConcatFunc,
		"contains":         stdlib.ContainsFunc,
		"csvdecode":        stdlib.CSVDecodeFunc,
		"dirname":          bytesFunc("path", pure(filepath.Dir)),
		"distinct":         stdlib.DistinctFunc,
		"element":          stdlib.ElementFunc,
		"endswith":         stringTestFunc("suffix", strings.HasSuffix),
		"ephemeralasnull":  ephemeralAsNullFunc,
		"file":             fileFunc(baseDir, utf8Text),
		"filebase64":       fileFunc(baseDir, base64Text),
		"filebase64sha256": fileFunc(baseDir, digest(sha256.New, base64Text)),
		"filebase64sha512": fileFunc(baseDir, digest(sha512.New, base64Text)),
		"fileexists":       fileExistsFunc(baseDir),
		"filemd5":          fileFunc(baseDir, digest(md5.New, hexText)),
		"fileset":          fileSetFunc(baseDir),
		"filesha1":         fileFunc(baseDir, digest(sha1.New, hexText)),
		"filesha256":       fileFunc(baseDir, digest(sha256.New, hexText)),
		"filesha512":       fileFunc(baseDir, digest(sha512.New, hexText)),
		"flatten":          stdlib.FlattenFunc,
		"floor":            stdlib.FloorFunc,
		"format":           stdlib.FormatFunc,
		"formatdate":       stdlib.FormatDateFunc,
		"formatlist":       stdlib.FormatListFunc,
		"indent":           stdlib.IndentFunc,
		"index":            indexFunc,
		"issensitive":      isSensitiveFunc,
		"join":             stdlib.JoinFunc,
		"jsondecode":       stdlib.JSONDecodeFunc,
		"jsonencode":       stdlib.JSONEncodeFunc,
		"keys":             stdlib.KeysFunc,
		"length":           lengthFunc,
		"log":              stdlib.LogFunc,
		"lookup":           lookupFunc,
		"lower":            stdlib.LowerFunc,
		"matchkeys":        matchKeysFunc,
		"max":              stdlib.MaxFunc,
		"md5":              bytesFunc("str", digest(md5.New, hexText)),
		"merge":            stdlib.MergeFunc,
		"min":              stdlib.MinFunc,
		"nonsensitive":     nonSensitiveFunc,
		"one":              oneFunc,
		"parseint":         stdlib.ParseIntFunc,
		"pathexpand":       bytesFunc("path", func(b []byte) (string, error) { return expandHome(string(b)) }),
		"plantimestamp":    unknownNullaryFunc,
		"pow":              stdlib.PowFunc,
		"range":            stdlib.RangeFunc,
		"regex":            stdlib.RegexFunc,
		"regexall":         stdlib.RegexAllFunc,
		"replace":          replaceFunc,
		"reverse":          stdlib.ReverseListFunc,
		"rsadecrypt":       rsaDecryptFunc,
		"sensitive":        sensitiveFunc,
		"setintersection":  stdlib.SetIntersectionFunc,
		"setproduct":       stdlib.SetProductFunc,
		"setsubtract":      stdlib.SetSubtractFunc,
		"setunion":         stdlib.SetUnionFunc,
		"sha1":             bytesFunc("str", digest(sha1.New, hexText)),
		"sha256":           bytesFunc("str", digest(sha256.New, hexText)),
		"sha512":           bytesFunc("str", digest(sha512.New, hexText)),
		"signum":           stdlib.SignumFunc,
		"slice":            stdlib.SliceFunc,
		"sort":             stdlib.SortFunc,
		"split":            stdlib.SplitFunc,
		"startswith":       stringTestFunc("prefix", strings.HasPrefix),
		"strcontains":      stringTestFunc("substr", strings.Contains),
		"strrev":           stdlib.ReverseFunc,
		"substr":           stdlib.SubstrFunc,
		"sum":              sumFunc,
		"textdecodebase64": textDecodeBase64Func,
		"textencodebase64": textEncodeBase64Func,
		"timeadd":          stdlib.TimeAddFunc,
		"timecmp":          timeCmpFunc,
		"timestamp":        unknownNullaryFunc,
		"title":            stdlib.TitleFunc,
		"tobool":           stdlib.MakeToFunc(cty.Bool),
		"tolist":           stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":            stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":         stdlib.MakeToFunc(cty.Number),
		"toset":            stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":         stdlib.MakeToFunc(cty.String),
		"transpose":        transposeFunc,
		"trim":             stdlib.TrimFunc,
		"trimprefix":       stdlib.TrimPrefixFunc,
		"trimspace":        stdlib.TrimSpaceFunc,
		"trimsuffix":       stdlib.TrimSuffixFunc,
		"try":              tryFunc,
		"upper":            stdlib.UpperFunc,
		"urlencode":        bytesFunc("str", pure(url.QueryEscape)),
		"uuid":             unknownNullaryFunc,
		"uuidv5":           uuidV5Func,
		"values":           stdlib.ValuesFunc,
		"yamldecode":       ctyyaml.YAMLDecodeFunc,
		"yamlencode":       ctyyaml.YAMLEncodeFunc,
		"zipmap":           stdlib.ZipmapFunc,
	}
	// Templates may call every function but the template renderers: a template handed its own text
	// could otherwise render itself without end.
	inner := maps.Clone(t)
	t["templatefile"] = templateFileFunc(baseDir, inner)
	t["templatestring"] = templateStringFunc(inner)
	return t
}

// Each of these returns a string that only a real run can know: it depends on the moment or the machine
// (timestamp, uuid), on a random salt (bcrypt), or decrypts a secret that no check reads and whose
// ciphertext is nearly always a computed attribute (rsadecrypt). Terraform promises only that the result
// will not be null.
var (
	bcryptFunc = unknownStringFunc(
		[]function.Parameter{{Name: "str", Type: cty.String}},
		&function.Parameter{Name: "cost", Type: cty.Number},
	)
	rsaDecryptFunc = unknownStringFunc(
		[]function.Parameter{{Name: "ciphertext", Type: cty.String}, {Name: "privatekey", Type: cty.String}},
		nil,
	)
	unknownNullaryFunc = unknownStringFunc(nil, nil)
)

func unknownStringFunc(params []function.Parameter, varParam *function.Parameter) function.Function {
	return function.New(&function.Spec{
		Params:   params,
		VarParam: varParam,
		Type:     function.StaticReturnType(cty.String),
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			return cty.UnknownVal(cty.String).RefineNotNull(), nil
		},
	})
}
