/* trylock succeeded, then an early return forgets the unlock; C11 mtx too. */
#include <pthread.h>
#include <threads.h>

static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static long stats[8];

int sample(int k) {
  if (pthread_mutex_trylock(&stats_mu) != 0)
    return 0; /* busy: skip this sample */
  if (k < 0 || k >= 8)
    return -1; // expect: [lock-balance]
  stats[k]++;
  pthread_mutex_unlock(&stats_mu);
  return 1;
}

static mtx_t log_mu;
static int log_lines;

int log_line(const char *s) {
  if (mtx_lock(&log_mu) != thrd_success)
    return -1;
  if (!s)
    return -1; // expect: [lock-balance] "'log_mu'"
  log_lines++;
  mtx_unlock(&log_mu);
  return 0;
}
