/* Cause 1 near-miss: the early unlock forgets to clear the flag, so the
 * cleanup unlocks the mutex a second time. */
#include <pthread.h>
#include <stdbool.h>

static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static int log_lines;
void flush_to_disk(void);

int append(int n) {
  bool locked = false;
  int rc = 0;
  pthread_mutex_lock(&log_mu);
  locked = true;
  log_lines += n;
  if (log_lines > 100) {
    pthread_mutex_unlock(&log_mu); /* the flag still says locked */
    flush_to_disk();
    rc = 1;
    goto out;
  }
out:
  if (locked) pthread_mutex_unlock(&log_mu); // expect: [lock-balance] "already unlocked"
  return rc;
}
