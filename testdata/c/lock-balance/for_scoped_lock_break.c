/* Cause 3 near-miss: a break inside the scoped-lock loop skips the
 * unlocking increment and leaves the mutex held. */
#include <pthread.h>
#include <stdbool.h>

static pthread_mutex_t ctx_mu = PTHREAD_MUTEX_INITIALIZER;
static int items;

static int ctx_lock(void) { pthread_mutex_lock(&ctx_mu); return 1; }
static int ctx_unlock(void) { pthread_mutex_unlock(&ctx_mu); return 0; }
#define CTX_LOCKED for (int rl_once_ = ctx_lock(); rl_once_; rl_once_ = ctx_unlock())

int take(void) {
  CTX_LOCKED {
    if (items == 0) break;
    items--;
  }
  return 0; // expect: [lock-balance] "ctx_mu"
}
