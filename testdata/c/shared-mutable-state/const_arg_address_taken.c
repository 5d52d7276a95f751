/* The helper hands its parameter's address to another function, which
 * may change it: no guard on it is trusted. */
#include <pthread.h>

long clients_freed;

static void free_client(void) {
  clients_freed++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void free_client_async(void) {}

void decide(int *async);

static void close_on_limit(int async) {
  decide(&async);
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
