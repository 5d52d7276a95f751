// expect-none
/* Cause 5: a path that ends in a project function declared noreturn, or
 * one whose every path ends in exit/abort, does not leave the lock held. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int table[16];

__attribute__((noreturn)) void die(const char *why);
_Noreturn void fatal(const char *why);

static void panic_now(const char *why) {
  fprintf(stderr, "%s\n", why);
  abort();
}
#define BUG_ON(c) do { if (c) panic_now(#c); } while (0)

int set_slot(int i, int v) {
  pthread_mutex_lock(&mu);
  if (i < 0) die("negative slot");
  if (i >= 16) fatal("slot out of range");
  BUG_ON(v < 0);
  table[i] = v;
  pthread_mutex_unlock(&mu);
  return 0;
}
