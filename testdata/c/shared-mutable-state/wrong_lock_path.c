/* The write is locked on one path only: the unlocked path races. */
#include <pthread.h>
#include <stdbool.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int cache_size;

static void *trim(void *arg) {
  bool fast = arg != NULL;
  if (!fast) pthread_mutex_lock(&mu);
  cache_size /= 2; // expect: [shared-mutable-state]
  if (!fast) pthread_mutex_unlock(&mu);
  return NULL;
}

void trim_all(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, trim, NULL);
}
