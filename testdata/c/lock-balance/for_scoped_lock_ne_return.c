/* Cause 3: the collectd spelling (`__i != 0` in the macro) in a function
 * with an error exit: the scoped lock is released before `return 0`; the
 * error path that skips the unlock by a `break` is reported. */
#include <pthread.h>

static struct plugin_ctx {
  pthread_mutex_t mutex;
  void *db;
} ctx = {PTHREAD_MUTEX_INITIALIZER, 0};

static int ctx_lock(void) {
  pthread_mutex_lock(&ctx.mutex);
  return 1;
}
static int ctx_unlock(void) {
  pthread_mutex_unlock(&ctx.mutex);
  return 0;
}
#define CTX_LOCK for (int rl_i_ = ctx_lock(); rl_i_ != 0; rl_i_ = ctx_unlock())
void *db_open(void);

int plugin_init(void) {
  void *db = db_open();
  if (db == 0) goto failure;
  CTX_LOCK { ctx.db = db; }
  return 0;
failure:
  return -1;
}

int plugin_swap(void *db) {
  CTX_LOCK {
    if (ctx.db == db) break;
    ctx.db = db;
  }
  return 0; // expect: [lock-balance] "ctx.mutex"
}
