/* A lock wrapper that returns -1 without locking when its mutex is not
 * set up is still a lock wrapper where its result is ignored: unlocking
 * twice after it is reported. Where the result is tested, the error
 * branch does not hold the lock: returning there is no leak. */
#include <pthread.h>

typedef struct {
  pthread_mutex_t *mu;
  int ready;
} checked_mutex;

int cm_lock(checked_mutex *c) {
  if (!c->ready) return -1;
  return pthread_mutex_lock(c->mu);
}

int cm_unlock(checked_mutex *c) {
  if (!c->ready) return -1;
  return pthread_mutex_unlock(c->mu);
}

static checked_mutex table_mu;
static int table[16];

void table_clear(int i) {
  cm_lock(&table_mu);
  table[i] = 0;
  cm_unlock(&table_mu);
  cm_unlock(&table_mu); // expect: [lock-balance] "already unlocked"
}

int table_set(int i, int v) {
  if (cm_lock(&table_mu) < 0) return -1;
  table[i] = v;
  cm_unlock(&table_mu);
  return 0;
}
