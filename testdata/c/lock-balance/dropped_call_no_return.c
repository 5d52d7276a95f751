/* Without the build's headers, the error path's dropped call
 * `push_error(ctx, ...)` is passed over, and no dropped return follows
 * it: the path goes on to the second unlock. */
#include <pthread.h>
#include "rl_testdata_absent/script.h"

static pthread_mutex_t sessions_mu = PTHREAD_MUTEX_INITIALIZER;
static int sessions[64];

int script_touch(script_ctx *ctx, int id) {
  pthread_mutex_lock(&sessions_mu);
  if (id < 0 || id >= 64 || !sessions[id]) {
    pthread_mutex_unlock(&sessions_mu);
    push_error(ctx, SCRIPT_ERR_RANGE, "no session %d", id);
  }
  sessions[id & 63]++;
  pthread_mutex_unlock(&sessions_mu); // expect: [lock-balance] "already unlocked"
  return 0;
}
