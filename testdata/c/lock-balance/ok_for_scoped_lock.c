// expect-none
/* Cause 3: a scoped-lock macro built on a for loop runs its body once,
 * locked, and unlocks in the increment. */
#include <pthread.h>
#include <stdbool.h>

static pthread_mutex_t ctx_mu = PTHREAD_MUTEX_INITIALIZER;
static bool db_available;

static int ctx_lock(void) { pthread_mutex_lock(&ctx_mu); return 1; }
static int ctx_unlock(void) { pthread_mutex_unlock(&ctx_mu); return 0; }
#define CTX_LOCKED for (int rl_once_ = ctx_lock(); rl_once_; rl_once_ = ctx_unlock())

void conn_up(void) {
  CTX_LOCKED { db_available = true; }
}

bool conn_state(void) {
  bool up = false;
  CTX_LOCKED { up = db_available; }
  return up;
}
