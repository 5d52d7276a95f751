/* Cause 7 near-miss: the branches are exclusive in one pass, but a loop
 * runs both: the thread of one pass races the inline write of the next.
 * Reported at the thread's write (the threads of the loop also race with
 * each other; the spawner's own accesses are the other side of a race). */
#include <pthread.h>

static long flushed;

static void *flusher(void *arg) {
  (void)arg;
  flushed++; // expect: [shared-mutable-state] "flushed"
  return NULL;
}

int flush_all(const int *modes, int n) {
  pthread_t t;
  for (int i = 0; i < n; i++) {
    if (modes[i]) {
      pthread_create(&t, NULL, flusher, NULL);
      pthread_detach(t);
    } else {
      flushed++;
    }
  }
  return 0;
}
