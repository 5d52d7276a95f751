/* Near-miss across files: the helper in store.c is only ever called with
 * store_mu held, by threads of this file. */
/* expect-none */
#include <pthread.h>

extern pthread_mutex_t store_mu;
void store_put(int v);

static void *writer(void *arg) {
  pthread_mutex_lock(&store_mu);
  store_put(*(int *)arg);
  pthread_mutex_unlock(&store_mu);
  return NULL;
}

void start(pthread_t *t, int *v, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, writer, &v[i]);
}
