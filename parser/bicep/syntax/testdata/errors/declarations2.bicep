type t1 = /* ERROR NEXT `^expected type, found newline$` */
func f1 /* ERROR NEXT `^expected "\(", found newline$` */
func f2() string /* ERROR NEXT `^expected "=>", found newline$` */
import /* ERROR NEXT `^expected string, "\{" or "\*", found newline$` */
import {a} /* ERROR NEXT `^expected "from", found newline$` */
import * as /* ERROR NEXT `^expected namespace name, found newline$` */
extension /* ERROR NEXT `^expected extension name or string, found newline$` */
module m1 'm.bicep' = [1 /* ERROR `^expected "for", found "1"$` */]
param p1 string 'x' /* ERROR `^expected "=" or newline, found 'x'$` */
@description('dangling') /* ERROR NEXT `^expected declaration after decorators, found end of file$` */