var e1 = (1
var /* ERROR `^expected "\)", found "var"$` */ e2 = 2
var e3 = f(a b /* ERROR `^expected "," or "\)", found "b"$` */)
var e4 = a. /* ERROR NEXT `^expected property name, found newline$` */
var e5 = [1, 2
var /* ERROR `^expected "\]", found "var"$` */ e6 = 1
var e6b = x ? y /* ERROR NEXT `^expected ":", found newline$` */
var e7 = x => /* ERROR NEXT `^expected expression, found newline$` */
var e8 = a + /* ERROR NEXT `^expected expression, found newline$` */
var e9 = (a, b /* ERROR `^expected one expression in parentheses$` */)
var e10 = map(xs, (x, 1 /* ERROR `^expected a lambda parameter name$` */) => x)
