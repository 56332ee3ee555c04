var s1 = " /* ERROR `^invalid character "\\""; Bicep strings are single-quoted$` */
var s2 = 1 ; /* ERROR `^invalid character ";"$` */
var s3 = 99999999999999999999 /* ERROR `^integer literal too large$` */
var s4 = a & /* ERROR `^invalid character "&"$` */ b
var s5 = $ /* ERROR `^invalid character "\$"$` */
var s6 = 'fine'
