/* The helper reassigns its parameter before testing it: the constant
 * the thread passes says nothing about the test. */
#include <pthread.h>

long clients_freed;
int force_sync;

static void free_client(void) {
  clients_freed++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void free_client_async(void) {}

static void close_on_limit(int async) {
  if (force_sync > 1) async = 0;
  if (async) free_client_async();
  else free_client();
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) close_on_limit(1);
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
