// expect-none
/* Cause 3: the comma spelling of a for-loop scoped lock; `continue` goes
 * to the unlocking increment, so it does not skip the unlock. */
#include <pthread.h>

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static int free_slots, waiters;

#define WITH_LOCK(m) for (int rl_w_ = (pthread_mutex_lock(m), 1); rl_w_; rl_w_ = (pthread_mutex_unlock(m), 0))

void release_slot(void) {
  WITH_LOCK(&pool_mu) {
    free_slots++;
    if (waiters == 0) continue;
    waiters--;
  }
}

int count_slots(void) {
  int n = 0;
  WITH_LOCK(&pool_mu) n = free_slots;
  return n;
}
