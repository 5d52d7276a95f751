/* Near-misses: every write under the same mutex, also through a helper
 * that is only called with the lock held. */
/* expect-none */
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long processed;
static int last_error;

static void note_error(int e) { last_error = e; } /* callers hold mu */

static void *worker(void *arg) {
  for (int i = 0; i < 100; i++) {
    pthread_mutex_lock(&mu);
    processed++;
    if (arg) note_error(i);
    pthread_mutex_unlock(&mu);
  }
  return NULL;
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL);
}
