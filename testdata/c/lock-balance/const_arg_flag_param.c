/* Cause 4 near-misses (issue 16): the constant argument asks the callee to
 * lock although the caller holds the lock (still a double lock); an
 * argument that is not a constant decides nothing (reported as before). */
#include <pthread.h>
#include <stdbool.h>

static pthread_mutex_t room_mu = PTHREAD_MUTEX_INITIALIZER;
static int room_n;

static void add_msg(const char *m, int needs_lock) {
  if (needs_lock) pthread_mutex_lock(&room_mu);
  room_n += m[0] != 0;
  if (needs_lock) pthread_mutex_unlock(&room_mu);
}

void post_batch_wrong(const char *m) {
  pthread_mutex_lock(&room_mu);
  add_msg(m, 1); // expect: [lock-balance] "locks 'room_mu' again"
  pthread_mutex_unlock(&room_mu);
}

void post_batch_var(const char *m, int lock_it) {
  pthread_mutex_lock(&room_mu);
  add_msg(m, lock_it); // expect: [lock-balance] "locks 'room_mu' again"
  pthread_mutex_unlock(&room_mu);
}

static void clear(bool held) {
  if (!held) pthread_mutex_lock(&room_mu);
  room_n = 0;
  if (!held) pthread_mutex_unlock(&room_mu);
}

void reset_wrong(void) {
  pthread_mutex_lock(&room_mu);
  clear(false); // expect: [lock-balance] "locks 'room_mu' again"
  pthread_mutex_unlock(&room_mu);
}
