x1 /* ERROR `^expected declaration` */
x2 /* ERROR `^expected declaration` */
x3 /* ERROR `^expected declaration` */
x4 /* ERROR `^expected declaration` */
x5 /* ERROR `^expected declaration` */
x6 /* ERROR `^expected declaration` */
x7 /* ERROR `^expected declaration` */
x8 /* ERROR `^expected declaration` */
x9 /* ERROR `^expected declaration` */
x10 /* ERROR `^expected declaration` */
x11
x12
