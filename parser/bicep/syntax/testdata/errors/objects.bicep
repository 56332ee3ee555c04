resource a 'T@v' = {
  name: 'a'
  properties: {
    x: = /* ERROR `^expected expression, found "="$` */
    y: 1
  }
  bad /* ERROR NEXT `^expected ":", found newline$` */
  'k' 1 /* ERROR `^expected ":", found "1"$` */
  z: 1 2 /* ERROR `^expected "," or newline, found "2"$` */
  ) /* ERROR `^expected property, found "\)"$` */
  @description /* ERROR NEXT `^expected "\(", found newline$` */
  w: 3
  resource /* ERROR NEXT `^expected ":", found newline$` */
}
var afterA = 1

resource b 'T@v' = {
  name: 'unclosed'
  properties: {
    x: 1

param /* ERROR `^expected "\}", found "param"$` */ afterB string
var list = [
  1, 2
  3 4 /* ERROR `^expected "," or newline, found "4"$` */
]
