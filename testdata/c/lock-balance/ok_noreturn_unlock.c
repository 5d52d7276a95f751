// expect-none
/* Cause 5: the error path unlocks and then ends in a function that does
 * not return; the unlock after it is not a second one on that path. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int table[16];

__attribute__((noreturn)) void die(const char *why);
_Noreturn void fatal(const char *why);
void NORET_log(const char *why) __attribute__((__noreturn__));

static void panic_now(const char *why) {
  fprintf(stderr, "%s\n", why);
  abort();
}
#define BUG(msg) panic_now(msg)

int set_slot(int i, int v) {
  pthread_mutex_lock(&mu);
  if (i < 0) {
    pthread_mutex_unlock(&mu);
    die("negative slot");
  }
  if (i >= 16) {
    pthread_mutex_unlock(&mu);
    fatal("slot out of range");
  }
  if (v < 0) {
    pthread_mutex_unlock(&mu);
    BUG("negative value");
  }
  if (v > 1000) {
    pthread_mutex_unlock(&mu);
    NORET_log("too big");
  }
  table[i] = v;
  pthread_mutex_unlock(&mu);
  return 0;
}
