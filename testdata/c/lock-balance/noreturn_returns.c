/* Cause 5 near-miss: a logging helper that returns is not noreturn. */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int table[16];

static void warn_bad(const char *why) { fprintf(stderr, "%s\n", why); }

int set_slot(int i, int v) {
  pthread_mutex_lock(&mu);
  if (i < 0) {
    warn_bad("negative slot");
    return -1; // expect: [lock-balance] "'mu' locked"
  }
  table[i] = v;
  pthread_mutex_unlock(&mu);
  return 0;
}
