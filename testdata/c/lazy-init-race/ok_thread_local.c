/* Near-misses: per-thread lazy buffers, and a local variable. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

static __thread char *tls_buf;

static char *buf_get(void) {
  if (!tls_buf) tls_buf = malloc(256);
  return tls_buf;
}

static void *worker(void *arg) {
  char *local = NULL;
  if (!local) local = arg;
  return buf_get() ? local : NULL;
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL);
}
