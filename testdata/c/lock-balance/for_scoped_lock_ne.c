// expect-none
/* Cause 3, the collectd spelling: `__i != 0` as the loop condition and a
 * file-scope struct's mutex. */
#include <pthread.h>
#include <stdbool.h>

static struct {
  pthread_mutex_t mutex;
  bool available;
} ctx = {PTHREAD_MUTEX_INITIALIZER, false};

static int ctx_lock(void) {
  pthread_mutex_lock(&ctx.mutex);
  return 1;
}
static int ctx_unlock(void) {
  pthread_mutex_unlock(&ctx.mutex);
  return 0;
}
#define CTX_LOCK for (int rl_i_ = ctx_lock(); rl_i_ != 0; rl_i_ = ctx_unlock())

void conn_down(int notify) {
  if (notify) return;
  CTX_LOCK { ctx.available = false; }
}
