type t1 = 'a' | /* ERROR NEXT `^expected type, found newline$` */
type t2 = { a string /* ERROR `^expected ":", found "string"$` */ }
param p1 resource /* ERROR NEXT `^expected resource type string, found newline$` */
type t3 = -x /* ERROR `^expected a literal after "-"$` */
type t4 = [string int /* ERROR `^expected "," or newline, found "int"$` */]
type t5 = (
type /* ERROR `^expected type, found "type"$` */ t6 = string
