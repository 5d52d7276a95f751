/* Near-misses: C11 atomics, atomic_* calls and GCC builtins. */
/* expect-none */
#include <pthread.h>
#include <stdatomic.h>

static _Atomic long hits;
static atomic_int active;
static long misses;
static int stop_flag;

static void *worker(void *arg) {
  (void)arg;
  hits++;
  atomic_fetch_add(&active, 1);
  __atomic_fetch_add(&misses, 1, __ATOMIC_RELAXED);
  __sync_fetch_and_add(&misses, 1);
  while (!__atomic_load_n(&stop_flag, __ATOMIC_ACQUIRE)) {
  }
  atomic_fetch_sub(&active, 1);
  return NULL;
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL);
  __atomic_store_n(&stop_flag, 1, __ATOMIC_RELEASE);
}
