/* Near-misses of ok_constant_init.c: the flag is set before the value
 * (another thread can see the flag and read the value still unset), the
 * value comes from a call, or the block counts. */
#include <pthread.h>
#include <stdlib.h>

static int ready;
static int limit;
static int probed;
static long pagesz;
static int counted;
static int ninit;

int get_limit(void) {
  if (!ready) { // expect: [lazy-init-race] "ready"
    ready = 1;
    limit = 64;
  }
  return limit;
}

long get_pagesz(void) {
  if (!probed) { // expect: [lazy-init-race] "probed"
    pagesz = atol("4096");
    probed = 1;
  }
  return pagesz;
}

void count_init(void) {
  if (!counted) { // expect: [lazy-init-race] "counted"
    ninit++;
    counted = 1;
  }
}

static void *worker(void *arg) {
  (void)arg;
  count_init();
  return get_limit() + get_pagesz() > 0 ? NULL : arg;
}

int start(int n) {
  pthread_t t;
  for (int i = 0; i < n; i++) pthread_create(&t, NULL, worker, NULL);
  return 0;
}
