/* Near-misses: thread-local variables. */
/* expect-none */
#include <pthread.h>

static __thread int scratch;
static _Thread_local long per_thread_count;

static void *worker(void *arg) {
  (void)arg;
  scratch++;
  per_thread_count += 2;
  return NULL;
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL);
}
