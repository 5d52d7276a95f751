/* The helper reassigns its parameter before testing it: the constant the
 * thread passes says nothing about the test. */
#include <pthread.h>

long clients_freed;
int force_sync;

static void close_client(int async) {
  if (force_sync > 1) async = 0;
  if (!async) clients_freed++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) close_client(1);
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
