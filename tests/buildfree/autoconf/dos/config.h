/* config.h for DOS (DJGPP), written by hand: no pthreads there. */
#define HAVE_STDBOOL_H 1
#define PACKAGE_BUGREPORT "dos@example.org"
#define MYLIB_SINGLE_THREADED 1
