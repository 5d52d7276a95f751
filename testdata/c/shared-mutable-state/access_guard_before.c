/* The update comes before the test of the parameter: the test guards
 * only what follows it. */
#include <pthread.h>

long closes, clients_freed;

static void close_client(int async) {
  closes++; // expect: [shared-mutable-state] "several 'io_thread' threads"
  if (async) return;
  clients_freed++;
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) close_client(1);
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
