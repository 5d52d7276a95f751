/* Near-miss: a header of the build this run cannot find declares the
 * context type, so clang drops every statement that names the context:
 * the error path's `push_error(ctx, ...)` and its `return raise(ctx);`
 * leave no node. The return still ends that path after the unlock: the
 * unlock after the if is not a second one. */
/* expect-none */
#include <pthread.h>
#include "rl_testdata_absent/script.h"

static pthread_mutex_t sessions_mu = PTHREAD_MUTEX_INITIALIZER;
static int sessions[64];

int script_notify(script_ctx *ctx, int id) {
  pthread_mutex_lock(&sessions_mu);
  if (id < 0 || id >= 64 || !sessions[id]) {
    pthread_mutex_unlock(&sessions_mu);
    push_error(ctx, SCRIPT_ERR_RANGE, "no session %d", id);
    return raise(ctx);
  }
  sessions[id]++;
  pthread_mutex_unlock(&sessions_mu);
  return 0;
}
