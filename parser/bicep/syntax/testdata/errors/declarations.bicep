// Each broken declaration is reported once, and the good ones around it are still read.
param /* ERROR NEXT `^expected parameter name, found newline$` */
param p1 string
var v1 /* ERROR NEXT `^expected "=", found newline$` */
var v2 = /* ERROR NEXT `^expected expression, found newline$` */
resource r1 /* ERROR NEXT `^expected resource type string, found newline$` */
resource r2 'T@v' = 42 /* ERROR `^expected "\{", "if" or "\[", found "42"$` */
output o1 string /* ERROR NEXT `^expected "=", found newline$` */
foo /* ERROR `^expected declaration \(targetScope, metadata, param, var, type, func, resource, module, output, import, extension or assert\), found "foo"$` */ = 1
var v3 = 1 2 /* ERROR `^expected newline, found "2"$` */
targetScope 'x' /* ERROR `^expected "=", found 'x'$` */
param p2 string
