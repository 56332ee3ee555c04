package funcs

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1" //nolint:gosec // RFC 4122 defines version 5 UUIDs on SHA-1
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strings"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
)

// A transform turns raw bytes (a string's UTF-8 or a file's contents) into a string result. The hash,
// encoding and file functions are all a source of bytes combined with one of these.
type transform func([]byte) (string, error)

func bytesFunc(param string, f transform) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: param, Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := f([]byte(args[0].AsString()))
			if err != nil {
				return cty.NilVal, function.NewArgError(0, err)
			}
			return cty.StringVal(s), nil
		},
	})
}

// pure lifts a string function that cannot fail into a transform.
func pure(f func(string) string) transform {
	return func(b []byte) (string, error) { return f(string(b)), nil }
}

func digest(newHash func() hash.Hash, encode transform) transform {
	return func(b []byte) (string, error) {
		h := newHash()
		h.Write(b)
		return encode(h.Sum(nil))
	}
}

func hexText(b []byte) (string, error) { return hex.EncodeToString(b), nil }

func base64Text(b []byte) (string, error) { return base64.StdEncoding.EncodeToString(b), nil }

// utf8Text refuses bytes that are not UTF-8, as Terraform's file() does, rather than mangle them into
// replacement characters.
func utf8Text(b []byte) (string, error) {
	if !utf8.Valid(b) {
		return "", errors.New("contents are not valid UTF-8; use filebase64 to read binary files")
	}
	return string(b), nil
}

func base64Gzip(b []byte) (string, error) {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return base64Text(buf.Bytes())
}

var base64DecodeFunc = bytesFunc("str", func(b []byte) (string, error) {
	decoded, err := base64.StdEncoding.DecodeString(string(b))
	if err != nil {
		return "", fmt.Errorf("failed to decode base64 data: %w", err)
	}
	// Strings hold text; binary data has to stay encoded, as in Terraform.
	if !utf8.Valid(decoded) {
		return "", errors.New("the result of decoding the provided string is not valid UTF-8")
	}
	return string(decoded), nil
})

var textEncodeBase64Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "string", Type: cty.String},
		{Name: "encoding", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		enc, err := ianaEncoding(args[1].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		// Characters the target encoding lacks become its replacement character instead of failing the
		// whole call, as in Terraform.
		encoded, err := encoding.ReplaceUnsupported(enc.NewEncoder()).Bytes([]byte(args[0].AsString()))
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "failed to encode as %s: %s", args[1].AsString(), err)
		}
		return cty.StringVal(base64.StdEncoding.EncodeToString(encoded)), nil
	},
})

var textDecodeBase64Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "source", Type: cty.String},
		{Name: "encoding", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		enc, err := ianaEncoding(args[1].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		raw, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "failed to decode base64 data: %s", err)
		}
		decoded, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "failed to decode as %s: %s", args[1].AsString(), err)
		}
		return cty.StringVal(string(decoded)), nil
	},
})

func ianaEncoding(name string) (encoding.Encoding, error) {
	enc, err := ianaindex.IANA.Encoding(name)
	// The index knows some names it has no implementation for: those come back as nil without an error.
	if err != nil || enc == nil {
		return nil, fmt.Errorf("%q is not a supported IANA encoding name or alias", name)
	}
	return enc, nil
}

// uuidNamespaces are the RFC 4122 namespaces Terraform's uuidv5 accepts by name.
var uuidNamespaces = map[string]string{
	"dns":  "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
	"url":  "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
	"oid":  "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
	"x500": "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
}

var uuidV5Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "namespace", Type: cty.String},
		{Name: "name", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		ns := args[0].AsString()
		if named, ok := uuidNamespaces[ns]; ok {
			ns = named
		}
		nsBytes, err := parseUUID(ns)
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "namespace must be dns, url, oid, x500 or a UUID: %s", err)
		}
		h := sha1.New() //nolint:gosec // RFC 4122 defines version 5 UUIDs on SHA-1
		h.Write(nsBytes)
		h.Write([]byte(args[1].AsString()))
		u := h.Sum(nil)[:16]
		u[6] = u[6]&0x0f | 0x50 // version 5
		u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
		return cty.StringVal(fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])), nil
	},
})

func parseUUID(s string) ([]byte, error) {
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return nil, fmt.Errorf("%q is not in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", s)
	}
	b, err := hex.DecodeString(strings.ReplaceAll(s, "-", ""))
	if err != nil || len(b) != 16 {
		return nil, fmt.Errorf("%q is not in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", s)
	}
	return b, nil
}
