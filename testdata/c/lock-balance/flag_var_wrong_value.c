/* Cause 1 near-miss: the flag is cleared although the lock is still
 * held, so the cleanup leaves it locked. */
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int state;

int update(int v) {
  int locked = 0;
  pthread_mutex_lock(&mu);
  locked = 1;
  if (v < 0) {
    locked = 0; /* bug: the mutex is still held */
    goto out;
  }
  state = v;
out:
  if (locked) pthread_mutex_unlock(&mu);
  return 0; // expect: [lock-balance] "'mu'"
}
