/* Cause 3 near-miss: a return inside the scoped-lock loop leaves before
 * the unlocking increment runs. */
#include <pthread.h>

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static int free_slots;

#define WITH_LOCK(m) for (int rl_w_ = (pthread_mutex_lock(m), 1); rl_w_; rl_w_ = (pthread_mutex_unlock(m), 0))

int reserve(void) {
  WITH_LOCK(&pool_mu) {
    if (free_slots == 0) return -1; // expect: [lock-balance] "pool_mu"
    free_slots--;
  }
  return 0;
}
