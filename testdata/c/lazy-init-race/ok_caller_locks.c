/* Near-misses: the getter is only called with the lock held. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int *slots;

static int *slots_locked(void) {
  if (!slots) slots = calloc(16, sizeof *slots);
  return slots;
}

static void *worker(void *arg) {
  pthread_mutex_lock(&mu);
  slots_locked()[(long)arg & 15]++;
  pthread_mutex_unlock(&mu);
  return NULL;
}

void start(pthread_t *t, int n) {
  for (long i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, (void *)i);
}
