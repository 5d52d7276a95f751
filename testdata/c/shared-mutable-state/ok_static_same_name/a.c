/* Near-miss: two files each have their own static 'count'; each is only
 * touched by one thread started once. */
/* expect-none */
#include <pthread.h>

static int count;

static void *tally(void *arg) {
  (void)arg;
  count++;
  return NULL;
}

void start_a(void) {
  pthread_t t;
  pthread_create(&t, NULL, tally, NULL);
  pthread_join(t, NULL);
}
