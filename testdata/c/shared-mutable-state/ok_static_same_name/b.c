/* expect-none */
#include <pthread.h>

static int count;

static void *tally(void *arg) {
  (void)arg;
  count += 2;
  return NULL;
}

void start_b(void) {
  pthread_t t;
  pthread_create(&t, NULL, tally, NULL);
  pthread_join(t, NULL);
}
