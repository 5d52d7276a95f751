/* Near-misses: a null check that does not initialise (a reset, a check
 * of something else), in thread code. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

static char *pending;
static int drops;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  if (!pending)
    drops++;
  else
    pending = NULL;
  pthread_mutex_unlock(&mu);
  return NULL;
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL);
}
