// expect-none
/* An initialisation that stores constants only, and sets the checked
 * flag last: two threads that both run it store the same values. */
#include <pthread.h>

#define INF_VALUE (double)(1.0 / 0.0)

static int done_inf;
static double inf_value;

double get_inf(void) {
  if (!done_inf) {
    inf_value = INF_VALUE;
    done_inf = 1;
  }
  return inf_value;
}

static void *worker(void *arg) {
  (void)arg;
  return get_inf() > 0 ? NULL : arg;
}

int start(int n) {
  pthread_t t;
  for (int i = 0; i < n; i++) pthread_create(&t, NULL, worker, NULL);
  return 0;
}
