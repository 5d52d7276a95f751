// expect-none
/* Cause 4 (issue 16): a callee that locks only when its flag parameter
 * says so; callers that hold the lock pass 0, the others 1. Also a bool
 * parameter that names the opposite (`held`), and an enum-like value. */
#include <pthread.h>
#include <stdbool.h>

struct room {
  int n;
};
static pthread_mutex_t room_mu = PTHREAD_MUTEX_INITIALIZER;
static struct room lobby;

static void add_msg(struct room *r, const char *m, int needs_lock) {
  if (needs_lock) pthread_mutex_lock(&room_mu);
  r->n += m[0] != 0;
  if (needs_lock) pthread_mutex_unlock(&room_mu);
}

void post_batch(const char **ms, int k) {
  pthread_mutex_lock(&room_mu);
  for (int i = 0; i < k; i++) add_msg(&lobby, ms[i], 0);
  pthread_mutex_unlock(&room_mu);
}

void post_one(const char *m) { add_msg(&lobby, m, 1); }

static void clear(struct room *r, bool held) {
  if (!held) pthread_mutex_lock(&room_mu);
  r->n = 0;
  if (!held) pthread_mutex_unlock(&room_mu);
}

void reset_locked(void) {
  pthread_mutex_lock(&room_mu);
  clear(&lobby, true);
  pthread_mutex_unlock(&room_mu);
}

enum lockmode { LM_NONE, LM_TAKE };

static void bump(struct room *r, enum lockmode mode) {
  if (mode == LM_TAKE) pthread_mutex_lock(&room_mu);
  r->n++;
  if (mode == LM_TAKE) pthread_mutex_unlock(&room_mu);
}

void bump_locked(void) {
  pthread_mutex_lock(&room_mu);
  bump(&lobby, LM_NONE);
  pthread_mutex_unlock(&room_mu);
}
