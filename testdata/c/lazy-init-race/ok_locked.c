/* Near-misses: the check and the creation both under the lock. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

static int *cache;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

int *cache_get(void) {
  pthread_mutex_lock(&mu);
  if (!cache) cache = calloc(32, sizeof *cache);
  int *c = cache;
  pthread_mutex_unlock(&mu);
  return c;
}

static void *worker(void *arg) {
  (void)arg;
  return cache_get();
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL);
}
