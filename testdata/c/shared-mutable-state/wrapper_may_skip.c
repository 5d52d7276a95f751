/* A lock helper that skips the lock when the pool is not shared, and says
 * so with 0: not a lock wrapper (a 0 is no failure, the caller goes on
 * unlocked), so the write after it races. Next to it, the failing wrapper
 * whose result is tested: the error branch does not hold the lock. */
#include <pthread.h>

typedef struct {
  pthread_mutex_t mu;
  int shared;
} pool;

static pool main_pool;
static long pool_hits;
static long pool_misses;

int pool_maybe_lock(pool *p) {
  if (!p->shared) return 0;
  pthread_mutex_lock(&p->mu);
  return 1;
}

int pool_lock(pool *p) {
  if (!p->shared) return -1;
  return pthread_mutex_lock(&p->mu);
}

static void *hit(void *arg) {
  (void)arg;
  pool_maybe_lock(&main_pool);
  pool_hits++; // expect: [shared-mutable-state] "pool_hits"
  if (pool_lock(&main_pool) < 0) return NULL;
  pool_misses++;
  pthread_mutex_unlock(&main_pool.mu);
  return NULL;
}

void pool_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, hit, NULL);
}
