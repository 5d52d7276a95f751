/* Near-misses: the lazy getter runs in main before pthread_create, and in
 * a thread that is started once; nobody else calls it. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

static int *limits;
static int *stats;

static int *limits_get(void) {
  if (!limits) limits = calloc(8, sizeof *limits);
  return limits;
}

static int *stats_get(void) {
  if (!stats) stats = calloc(8, sizeof *stats);
  return stats;
}

static void *monitor(void *arg) {
  (void)arg;
  stats_get()[0]++;
  return NULL;
}

int main(void) {
  limits_get();
  pthread_t t;
  pthread_create(&t, NULL, monitor, NULL);
  pthread_join(t, NULL);
  return 0;
}
