// expect-none
/* Cause 7: the thread is started in one branch and the same work is done
 * inline in the other; one call takes only one branch. */
#include <pthread.h>

static long flushed;

static void *flusher(void *arg) {
  (void)arg;
  flushed++;
  return NULL;
}

int flush(int threaded) {
  pthread_t t;
  if (threaded) {
    pthread_create(&t, NULL, flusher, NULL);
    pthread_detach(t);
  } else {
    flushed++;
  }
  return 0;
}
