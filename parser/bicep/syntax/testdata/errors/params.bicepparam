using /* ERROR NEXT `^expected path string or "none", found newline$` */
param p1 string /* ERROR `^expected "=", found "string"$` */
resource /* ERROR `^expected declaration \(using, extends, param, var, type, func, import or extension\), found "resource"$` */ r 'T@v' = {}
param p2 = 1
