/* Near-misses: helpers that take a mutex pointer, called for two globals
 * in one consistent order. */
/* expect-none */
#include <pthread.h>

static pthread_mutex_t in_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t out_mu = PTHREAD_MUTEX_INITIALIZER;
static int in, out;

static void with_two(pthread_mutex_t *first, pthread_mutex_t *second, int *v) {
  pthread_mutex_lock(first);
  pthread_mutex_lock(second);
  (*v)++;
  pthread_mutex_unlock(second);
  pthread_mutex_unlock(first);
}

void pump(void) {
  with_two(&in_mu, &out_mu, &in);
  with_two(&in_mu, &out_mu, &out);
}
