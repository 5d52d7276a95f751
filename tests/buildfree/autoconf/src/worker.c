/* Compiled with -DHAVE_CONFIG_H by its build, as every autoconf project. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifdef HAVE_STDBOOL_H
#include <stdbool.h>
#else
#error stdbool.h is in the compiler, not in /usr/include
#endif
#ifdef HAVE_PTHREAD_H
#include <pthread.h>
#endif
#include <mylib/api.h>

static const char *bugs = PACKAGE_BUGREPORT;
#ifdef HAVE_PTHREAD_H
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
#endif
static bool started;

int mylib_run(mylib_ctx *c) {
  (void)c;
#ifdef HAVE_PTHREAD_H
  pthread_mutex_lock(&mu);
  if (started) return 1; /* returns holding mu */
  started = true;
  pthread_mutex_unlock(&mu);
#endif
  return bugs[0] == 0;
}
