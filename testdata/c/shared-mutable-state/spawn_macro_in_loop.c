/* Near-miss of ok_spawn_macro_once.c: the statement macro is used in a
 * loop (and a `do ... while (more)` is a loop): several threads run the
 * routine at once. */
#include <pthread.h>

#define START(t, fn, arg)                         \
  do {                                            \
    if (pthread_create(&(t), NULL, fn, arg) != 0) \
      (t) = 0;                                    \
  } while (0)

static int served;
static int polled;

static void *server(void *arg) {
  (void)arg;
  served++; // expect: [shared-mutable-state] "several 'server' threads"
  return NULL;
}

static void *poller(void *arg) {
  (void)arg;
  polled++; // expect: [shared-mutable-state] "several 'poller' threads"
  return NULL;
}

void start_servers(int n) {
  pthread_t t;
  for (int i = 0; i < n; i++) START(t, server, NULL);
}

void start_pollers(int n) {
  pthread_t t;
  do {
    pthread_create(&t, NULL, poller, NULL);
  } while (--n > 0);
}
