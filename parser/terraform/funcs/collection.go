package funcs

import (
	"errors"
	"fmt"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

var allTrueFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return decide(args[0], false), nil
	},
})

var anyTrueFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return decide(args[0], true), nil
	},
})

// decide returns decisive as soon as one element of list has that value: a known deciding element settles
// the answer whatever the unknown ones turn out to be. Failing that, the answer is unknown if an element
// is, and the opposite of decisive otherwise. Terraform counts a null element as false.
func decide(list cty.Value, decisive bool) cty.Value {
	unknown := false
	for it := list.ElementIterator(); it.Next(); {
		_, v := it.Element()
		switch {
		case !v.IsKnown():
			unknown = true
		case (!v.IsNull() && v.True()) == decisive:
			return cty.BoolVal(decisive)
		}
	}
	if unknown {
		return cty.UnknownVal(cty.Bool).RefineNotNull()
	}
	return cty.BoolVal(!decisive)
}

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsListType() || ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			switch elems := ty.TupleElementTypes(); len(elems) {
			case 0:
				return cty.DynamicPseudoType, nil
			case 1:
				return elems[0], nil
			}
		}
		return cty.NilType, function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		// A set with unknown elements may shrink once they are known: its length is then unknown.
		length := args[0].Length()
		if !length.IsKnown() {
			return cty.UnknownVal(retType), nil
		}
		switch n, _ := length.AsBigFloat().Int64(); n {
		case 0:
			return cty.NullVal(retType), nil
		case 1:
			it := args[0].ElementIterator()
			it.Next()
			_, v := it.Element()
			return v, nil
		default:
			return cty.NilVal, function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")
		}
	},
})

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		if ty := args[0].Type(); !ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType() {
			return cty.NilType, function.NewArgErrorf(0, "must be a list, set, or tuple of numbers, not %s", ty.FriendlyName())
		}
		return cty.Number, nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if !args[0].IsWhollyKnown() {
			return cty.UnknownVal(cty.Number).RefineNotNull(), nil
		}
		if args[0].LengthInt() == 0 {
			return cty.NilVal, function.NewArgErrorf(0, "cannot sum an empty list")
		}
		total := cty.Zero
		for it := args[0].ElementIterator(); it.Next(); {
			_, v := it.Element()
			n, err := convert.Convert(v, cty.Number)
			if err != nil {
				return cty.NilVal, function.NewArgErrorf(0, "every element must be a number: %s", err)
			}
			if n.IsNull() {
				return cty.NilVal, function.NewArgErrorf(0, "every element must be a number, not null")
			}
			if total, err = stdlib.Add(total, n); err != nil {
				return cty.NilVal, function.NewArgError(0, err)
			}
		}
		return total, nil
	},
})

// indexFunc is Terraform's index(list, value), the position of value in list; stdlib's IndexFunc is a
// different function, the element at a key.
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if ty := args[0].Type(); !ty.IsListType() && !ty.IsTupleType() {
			return cty.NilType, function.NewArgErrorf(0, "must be a list or tuple, not %s", ty.FriendlyName())
		}
		return cty.Number, nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		for it := args[0].ElementIterator(); it.Next(); {
			i, v := it.Element()
			eq, err := stdlib.Equal(v, args[1])
			if err != nil {
				return cty.NilVal, err
			}
			if !eq.IsKnown() {
				return cty.UnknownVal(cty.Number).RefineNotNull(), nil
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.NilVal, errors.New("item not found")
	},
})

// lengthFunc is Terraform's length, which unlike stdlib's also counts a string's characters and an
// object's attributes.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name:             "value",
		Type:             cty.DynamicPseudoType,
		AllowDynamicType: true,
		AllowUnknown:     true,
		AllowMarked:      true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) {
		switch ty := args[0].Type(); {
		case ty == cty.String, ty == cty.DynamicPseudoType, ty.IsCollectionType(), ty.IsTupleType(), ty.IsObjectType():
			return cty.Number, nil
		default:
			return cty.NilType, function.NewArgErrorf(0, "must be a string, a collection, or a structural value, not %s", ty.FriendlyName())
		}
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		switch ty := v.Type(); {
		case ty == cty.String:
			n, err := stdlib.Strlen(v)
			return n.WithMarks(marks), err
		case ty.IsObjectType():
			// An object's attributes are fixed by its type, so even an unknown object has a known length.
			return cty.NumberIntVal(int64(len(ty.AttributeTypes()))).WithMarks(marks), nil
		case ty == cty.DynamicPseudoType:
			return cty.UnknownVal(cty.Number).RefineNotNull().WithMarks(marks), nil
		default:
			return v.Length().WithMarks(marks), nil
		}
	},
})

// lookupFunc is Terraform's lookup. Unlike stdlib's it takes the default as optional (a missing key is
// then an error) and accepts a null default. It unmarks only the map and the key, so the element found
// keeps its own marks instead of taking every mark in the map.
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType, AllowMarked: true},
		{Name: "key", Type: cty.String, AllowMarked: true},
	},
	VarParam: &function.Parameter{
		Name:             "default",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowNull:        true,
		AllowMarked:      true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) > 3 {
			return cty.NilType, fmt.Errorf("lookup takes at most three arguments, not %d", len(args))
		}
		switch ty := args[0].Type(); {
		case ty.IsObjectType():
			if !args[1].IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			key, _ := args[1].Unmark()
			if ty.HasAttribute(key.AsString()) {
				return ty.AttributeType(key.AsString()), nil
			}
			if len(args) == 3 {
				return args[2].Type(), nil
			}
			return cty.NilType, function.NewArgErrorf(1, "the given object has no attribute %q", key.AsString())
		case ty.IsMapType():
			if len(args) == 3 {
				if _, err := convert.Convert(args[2], ty.ElementType()); err != nil {
					return cty.NilType, function.NewArgErrorf(2, "the default value must have the same type as the map elements: %s", err)
				}
			}
			return ty.ElementType(), nil
		default:
			return cty.NilType, function.NewArgErrorf(0, "must be a map or an object, not %s", ty.FriendlyName())
		}
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		m, mapMarks := args[0].Unmark()
		k, keyMarks := args[1].Unmark()
		key := k.AsString()
		if m.Type().IsObjectType() {
			if m.Type().HasAttribute(key) {
				return m.GetAttr(key).WithMarks(mapMarks, keyMarks), nil
			}
		} else if m.HasIndex(k).True() {
			return m.Index(k).WithMarks(mapMarks, keyMarks), nil
		}
		if len(args) < 3 {
			return cty.NilVal, function.NewArgErrorf(1, "lookup failed to find key %q", key)
		}
		def, err := convert.Convert(args[2], retType)
		if err != nil {
			return cty.NilVal, function.NewArgError(2, err)
		}
		return def.WithMarks(mapMarks, keyMarks), nil
	},
})

var matchKeysFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "values", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "keys", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "searchset", Type: cty.List(cty.DynamicPseudoType)},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if _, err := keyType(args); err != nil {
			return cty.NilType, err
		}
		return args[0].Type(), nil
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		values, keys, searchset := args[0], args[1], args[2]
		if values.LengthInt() != keys.LengthInt() {
			return cty.NilVal, function.NewArgErrorf(1, "keys must have as many elements as values")
		}
		ty, _ := keyType(args) // Type has refused keys and searchset that do not unify
		var err error
		if keys, err = convert.Convert(keys, cty.List(ty)); err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		if searchset, err = convert.Convert(searchset, cty.List(ty)); err != nil {
			return cty.NilVal, function.NewArgError(2, err)
		}
		var matched []cty.Value
		for it := keys.ElementIterator(); it.Next(); {
			i, key := it.Element()
			found, err := stdlib.Contains(searchset, key)
			if err != nil {
				return cty.NilVal, err
			}
			if !found.IsKnown() {
				return cty.UnknownVal(retType), nil
			}
			if found.True() {
				matched = append(matched, values.Index(i))
			}
		}
		if len(matched) == 0 {
			return cty.ListValEmpty(retType.ElementType()), nil
		}
		return cty.ListVal(matched), nil
	},
})

// keyType is the type matchkeys compares keys as: keys and searchset converted to one type.
func keyType(args []cty.Value) (cty.Type, error) {
	ty, _ := convert.UnifyUnsafe([]cty.Type{args[1].Type().ElementType(), args[2].Type().ElementType()})
	if ty == cty.NilType {
		return cty.NilType, function.NewArgErrorf(2, "keys and searchset must be of the same type")
	}
	return ty, nil
}

var transposeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "values", Type: cty.Map(cty.List(cty.String))}},
	Type:   function.StaticReturnType(cty.Map(cty.List(cty.String))),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		if !args[0].IsWhollyKnown() {
			return cty.UnknownVal(retType).RefineNotNull(), nil
		}
		out := map[string][]cty.Value{}
		for it := args[0].ElementIterator(); it.Next(); {
			key, list := it.Element()
			if list.IsNull() {
				return cty.NilVal, function.NewArgErrorf(0, "the list for key %q must not be null", key.AsString())
			}
			for lit := list.ElementIterator(); lit.Next(); {
				_, v := lit.Element()
				if v.IsNull() {
					return cty.NilVal, function.NewArgErrorf(0, "the list for key %q must not contain null", key.AsString())
				}
				out[v.AsString()] = append(out[v.AsString()], key)
			}
		}
		if len(out) == 0 {
			return cty.MapValEmpty(cty.List(cty.String)), nil
		}
		result := make(map[string]cty.Value, len(out))
		for k, keys := range out {
			result[k] = cty.ListVal(keys)
		}
		return cty.MapVal(result), nil
	},
})

// coalesceFunc is Terraform's coalesce, which unlike stdlib's also skips empty strings. It drops the nulls
// and empty strings it can see and leaves the rest, unknown arguments included, to stdlib.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name:             "vals",
		Type:             cty.DynamicPseudoType,
		AllowUnknown:     true,
		AllowDynamicType: true,
		AllowNull:        true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		return stdlib.CoalesceFunc.ReturnTypeForValues(args)
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		kept := make([]cty.Value, 0, len(args))
		for i, arg := range args {
			// Converting every argument first keeps stdlib's result type equal to ours once some are dropped.
			v, err := convert.Convert(arg, retType)
			if err != nil {
				return cty.NilVal, function.NewArgError(i, err)
			}
			if v.IsNull() || retType == cty.String && v.IsKnown() && v.AsString() == "" {
				continue
			}
			kept = append(kept, v)
		}
		if len(kept) == 0 {
			return cty.NilVal, errors.New("no non-null, non-empty-string arguments")
		}
		return stdlib.Coalesce(kept...)
	},
})
