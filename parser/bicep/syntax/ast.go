// Package syntax reads Bicep and .bicepparam source into a syntax tree: a hand-written lexer and a
// recursive-descent parser in the style of go/parser, with one token of look-ahead, "expected X, found Y"
// errors, one error per line, and recovery at the next declaration or line so that one mistake does not
// hide the rest of the file. Every node keeps its hcl.Range.
package syntax

import "github.com/hashicorp/hcl/v2"

// Node is any piece of the tree.
type Node interface {
	Range() hcl.Range
}

// File is one parsed .bicep or .bicepparam file.
type File struct {
	Name  string
	Decls []Decl
	// Comments are the file's comments in order, `//` and `/* */` alike, for directives such as
	// suppressions.
	Comments []*Comment
	// DisableNextLine are the #disable-next-line pragmas, in order.
	DisableNextLine []*Comment
}

// Comment is one comment or pragma; Text is everything from its first character, markers included.
type Comment struct {
	Rng  hcl.Range
	Text string
}

// Decorator is @name(args) or @ns.name(args) before a declaration, an object property or a type member.
type Decorator struct {
	Rng  hcl.Range
	Call *Call
}

// Decl is a top-level statement.
type Decl interface {
	Node
	decl()
}

// TargetScope is `targetScope = 'subscription'`.
type TargetScope struct {
	Rng   hcl.Range
	Value Expr
}

// Metadata is `metadata name = value`.
type Metadata struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Name       *Ident
	Value      Expr
}

// Param is `param name type = default` in a .bicep file, or `param name = value` in a .bicepparam
// file, where Type is nil.
type Param struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Name       *Ident
	Type       TypeExpr // nil in .bicepparam files
	Default    Expr     // nil when absent
}

// Var is `var name = value`, or a typed `var name type = value`.
type Var struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Name       *Ident
	Type       TypeExpr // nil when not typed
	Value      Expr
}

// Resource is `resource name 'Type@version' [existing] = value`, at the top level or nested in another
// resource's body. Value is an *Object, an *If around one, or a *For.
type Resource struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Name       *Ident
	TypeRef    *String // the 'Type@version' string
	Existing   bool
	Value      Expr
}

// Module is `module name 'path' = value`. Value is an *Object, an *If around one, or a *For.
type Module struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Name       *Ident
	Path       *String
	Value      Expr
}

// Output is `output name type = value`, or `output name resource 'Type@version' = value`.
type Output struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Name       *Ident
	Type       TypeExpr
	Value      Expr
}

// TypeDecl is `type name = type`.
type TypeDecl struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Name       *Ident
	Type       TypeExpr
}

// Func is `func name(param type, ...) returnType => body`.
type Func struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Name       *Ident
	Params     []*FuncParam
	Result     TypeExpr
	Body       Expr
}

// FuncParam is one parameter of a user-defined function.
type FuncParam struct {
	Name *Ident
	Type TypeExpr
}

// Import is `import 'provider@version' [with {...}] [as alias]` (Path only), `import {a, b as c} from
// 'file'` (Names) or `import * as ns from 'file'` (Wildcard).
type Import struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Names      []*ImportName
	Wildcard   *Ident // the alias of `* as alias`
	Path       *String
	Config     Expr   // the object after `with`, or nil
	Alias      *Ident // the alias of a provider import, or nil
}

// ImportName is one imported symbol, optionally renamed with `as`.
type ImportName struct {
	Name  *Ident
	Alias *Ident // nil when not renamed
}

// Extension is `extension name [with {...}] [as alias]`, and the older `provider` spelling.
type Extension struct {
	Rng    hcl.Range
	Name   Expr // an *Ident or a *String
	Config Expr
	Alias  *Ident
}

// Using is `using 'path' [with {...}]` or `using none` at the top of a .bicepparam file.
type Using struct {
	Rng    hcl.Range
	Path   *String // nil for `using none`
	Config Expr    // the object after `with`, or nil
}

// Extends is `extends 'path'` in a .bicepparam file.
type Extends struct {
	Rng  hcl.Range
	Path *String
}

// Assert is `assert name = condition`.
type Assert struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Name       *Ident
	Value      Expr
}

// BadDecl stands for a statement the parser could not read; an error was reported for it.
type BadDecl struct {
	Rng hcl.Range
}

// Expr is an expression.
type Expr interface {
	Node
	expr()
}

// Ident is an identifier: a name, a keyword used as a name, true, false or null are not Idents (see
// Bool and Null).
type Ident struct {
	Rng  hcl.Range
	Name string
}

// String is a string literal. Parts holds the literal text (escapes resolved) around the interpolated
// Exprs: len(Parts) == len(Exprs)+1. A multi-line string keeps its text as written, and has no Exprs
// unless $ signs before its opening quotes let it interpolate.
type String struct {
	Rng   hcl.Range
	Parts []string
	Exprs []Expr
}

// Int is an integer literal. Text is its digits as written.
type Int struct {
	Rng  hcl.Range
	Text string
}

// Bool is true or false.
type Bool struct {
	Rng   hcl.Range
	Value bool
}

// Null is null.
type Null struct {
	Rng hcl.Range
}

// Object is { ... }. Items are *Property, *Spread and, in a resource body, nested *Resource.
type Object struct {
	Rng   hcl.Range
	Items []ObjectItem
}

// ObjectItem is one item of an object literal.
type ObjectItem interface {
	Node
	objectItem()
}

// Property is `key: value`. Key is an *Ident or a *String (which may be interpolated).
type Property struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Key        Expr
	Value      Expr
}

// Spread is `...value` in an object or an array.
type Spread struct {
	Rng   hcl.Range
	Value Expr
}

// Array is [ ... ]. Items may be *Spread.
type Array struct {
	Rng   hcl.Range
	Items []Expr
}

// Paren is (x).
type Paren struct {
	Rng hcl.Range
	X   Expr
}

// Unary is !x, -x or +x. Op is "!", "-" or "+".
type Unary struct {
	Rng hcl.Range
	Op  string
	X   Expr
}

// Binary is x op y. Op is one of ?? || && == != =~ !~ < <= > >= + - * / %.
type Binary struct {
	Rng hcl.Range
	Op  string
	X   Expr
	Y   Expr
}

// Ternary is cond ? then : else.
type Ternary struct {
	Rng  hcl.Range
	Cond Expr
	Then Expr
	Else Expr
}

// Access is x.name, or x.?name when Safe.
type Access struct {
	Rng  hcl.Range
	X    Expr
	Name *Ident
	Safe bool
}

// Index is x[i], or x[?i] when Safe; x[^i] when FromEnd, which counts i from the end: x[^1] is the
// last item.
type Index struct {
	Rng     hcl.Range
	X       Expr
	Index   Expr
	Safe    bool
	FromEnd bool
}

// ChildAccess is parent::child, naming a resource nested in another.
type ChildAccess struct {
	Rng  hcl.Range
	X    Expr
	Name *Ident
}

// NonNull is x!, the non-null assertion.
type NonNull struct {
	Rng hcl.Range
	X   Expr
}

// Call is name(args), or receiver.name(args): a namespaced function (sys.concat, az.resourceGroup, an
// imported namespace) or a resource function (acct.listKeys()).
type Call struct {
	Rng      hcl.Range
	Receiver Expr // nil for a plain call
	Name     *Ident
	Args     []Expr
}

// Lambda is x => body, (x, y) => body or () => body.
type Lambda struct {
	Rng    hcl.Range
	Params []*Ident
	Body   Expr
}

// For is [for item in iterable: body], [for (item, index) in iterable: body] or
// [for (item, index) in iterable: if (cond) body]; in the last form Body is an *If.
type For struct {
	Rng      hcl.Range
	Item     *Ident
	Index    *Ident // nil when absent
	Iterable Expr
	Body     Expr
}

// If is `if (cond) body`: a resource's or module's condition, or a loop's filter.
type If struct {
	Rng  hcl.Range
	Cond Expr
	Body Expr
}

// BadExpr stands for an expression the parser could not read; an error was reported for it.
type BadExpr struct {
	Rng hcl.Range
}

// TypeExpr is a type: in a param, output, typed var, type declaration or function signature.
type TypeExpr interface {
	Node
	typeExpr()
}

// NamedType is string, int, bool, object, array, a declared or imported type name, sys.string, or a
// generic such as resourceInput<'Type@version'>.
type NamedType struct {
	Rng  hcl.Range
	Name []*Ident // more than one for a namespaced name: sys.string, types.config
	Args []TypeExpr
}

// LiteralType is a literal used as a type: 'Standard', 1, -1, true.
type LiteralType struct {
	Rng   hcl.Range
	Value Expr
}

// ObjectType is { name: type, 'other-name': type?, *: type }.
type ObjectType struct {
	Rng        hcl.Range
	Properties []*TypeProperty
	Additional TypeExpr // the type of `*:`, or nil
}

// TypeProperty is one property of an object type.
type TypeProperty struct {
	Rng        hcl.Range
	Decorators []*Decorator
	Name       string
	NameRange  hcl.Range
	Type       TypeExpr
}

// ArrayType is elem[].
type ArrayType struct {
	Rng  hcl.Range
	Elem TypeExpr
}

// TupleType is [type, type].
type TupleType struct {
	Rng   hcl.Range
	Items []*TupleItem
}

// TupleItem is one item of a tuple type.
type TupleItem struct {
	Decorators []*Decorator
	Type       TypeExpr
}

// UnionType is a | b | c.
type UnionType struct {
	Rng     hcl.Range
	Members []TypeExpr
}

// NullableType is type?.
type NullableType struct {
	Rng  hcl.Range
	Elem TypeExpr
}

// ResourceType is `resource 'Type@version'` (in param and output declarations).
type ResourceType struct {
	Rng     hcl.Range
	TypeRef *String
}

// TypeAccess is type.name or type[*], type[0], type.* in a type: a property of another type.
type TypeAccess struct {
	Rng   hcl.Range
	X     TypeExpr
	Name  string // "" for an index; "*" for .*
	Index Expr   // nil for a name; *Ident "*" stands for [*]
}

// ParenType is (type).
type ParenType struct {
	Rng  hcl.Range
	Elem TypeExpr
}

// BadType stands for a type the parser could not read; an error was reported for it.
type BadType struct {
	Rng hcl.Range
}

func (n *Decorator) Range() hcl.Range    { return n.Rng }
func (n *TargetScope) Range() hcl.Range  { return n.Rng }
func (n *Metadata) Range() hcl.Range     { return n.Rng }
func (n *Param) Range() hcl.Range        { return n.Rng }
func (n *Var) Range() hcl.Range          { return n.Rng }
func (n *Resource) Range() hcl.Range     { return n.Rng }
func (n *Module) Range() hcl.Range       { return n.Rng }
func (n *Output) Range() hcl.Range       { return n.Rng }
func (n *TypeDecl) Range() hcl.Range     { return n.Rng }
func (n *Func) Range() hcl.Range         { return n.Rng }
func (n *Import) Range() hcl.Range       { return n.Rng }
func (n *Extension) Range() hcl.Range    { return n.Rng }
func (n *Using) Range() hcl.Range        { return n.Rng }
func (n *Extends) Range() hcl.Range      { return n.Rng }
func (n *Assert) Range() hcl.Range       { return n.Rng }
func (n *BadDecl) Range() hcl.Range      { return n.Rng }
func (n *Ident) Range() hcl.Range        { return n.Rng }
func (n *String) Range() hcl.Range       { return n.Rng }
func (n *Int) Range() hcl.Range          { return n.Rng }
func (n *Bool) Range() hcl.Range         { return n.Rng }
func (n *Null) Range() hcl.Range         { return n.Rng }
func (n *Object) Range() hcl.Range       { return n.Rng }
func (n *Property) Range() hcl.Range     { return n.Rng }
func (n *Spread) Range() hcl.Range       { return n.Rng }
func (n *Array) Range() hcl.Range        { return n.Rng }
func (n *Paren) Range() hcl.Range        { return n.Rng }
func (n *Unary) Range() hcl.Range        { return n.Rng }
func (n *Binary) Range() hcl.Range       { return n.Rng }
func (n *Ternary) Range() hcl.Range      { return n.Rng }
func (n *Access) Range() hcl.Range       { return n.Rng }
func (n *Index) Range() hcl.Range        { return n.Rng }
func (n *ChildAccess) Range() hcl.Range  { return n.Rng }
func (n *NonNull) Range() hcl.Range      { return n.Rng }
func (n *Call) Range() hcl.Range         { return n.Rng }
func (n *Lambda) Range() hcl.Range       { return n.Rng }
func (n *For) Range() hcl.Range          { return n.Rng }
func (n *If) Range() hcl.Range           { return n.Rng }
func (n *BadExpr) Range() hcl.Range      { return n.Rng }
func (n *NamedType) Range() hcl.Range    { return n.Rng }
func (n *LiteralType) Range() hcl.Range  { return n.Rng }
func (n *ObjectType) Range() hcl.Range   { return n.Rng }
func (n *TypeProperty) Range() hcl.Range { return n.Rng }
func (n *ArrayType) Range() hcl.Range    { return n.Rng }
func (n *TupleType) Range() hcl.Range    { return n.Rng }
func (n *UnionType) Range() hcl.Range    { return n.Rng }
func (n *NullableType) Range() hcl.Range { return n.Rng }
func (n *ResourceType) Range() hcl.Range { return n.Rng }
func (n *TypeAccess) Range() hcl.Range   { return n.Rng }
func (n *ParenType) Range() hcl.Range    { return n.Rng }
func (n *BadType) Range() hcl.Range      { return n.Rng }

func (*TargetScope) decl() {}
func (*Metadata) decl()    {}
func (*Param) decl()       {}
func (*Var) decl()         {}
func (*Resource) decl()    {}
func (*Module) decl()      {}
func (*Output) decl()      {}
func (*TypeDecl) decl()    {}
func (*Func) decl()        {}
func (*Import) decl()      {}
func (*Extension) decl()   {}
func (*Using) decl()       {}
func (*Extends) decl()     {}
func (*Assert) decl()      {}
func (*BadDecl) decl()     {}

func (*Ident) expr()       {}
func (*String) expr()      {}
func (*Int) expr()         {}
func (*Bool) expr()        {}
func (*Null) expr()        {}
func (*Object) expr()      {}
func (*Spread) expr()      {}
func (*Array) expr()       {}
func (*Paren) expr()       {}
func (*Unary) expr()       {}
func (*Binary) expr()      {}
func (*Ternary) expr()     {}
func (*Access) expr()      {}
func (*Index) expr()       {}
func (*ChildAccess) expr() {}
func (*NonNull) expr()     {}
func (*Call) expr()        {}
func (*Lambda) expr()      {}
func (*For) expr()         {}
func (*If) expr()          {}
func (*BadExpr) expr()     {}

func (*Property) objectItem() {}
func (*Spread) objectItem()   {}
func (*Resource) objectItem() {}

func (*NamedType) typeExpr()    {}
func (*LiteralType) typeExpr()  {}
func (*ObjectType) typeExpr()   {}
func (*ArrayType) typeExpr()    {}
func (*TupleType) typeExpr()    {}
func (*UnionType) typeExpr()    {}
func (*NullableType) typeExpr() {}
func (*ResourceType) typeExpr() {}
func (*TypeAccess) typeExpr()   {}
func (*ParenType) typeExpr()    {}
func (*BadType) typeExpr()      {}
