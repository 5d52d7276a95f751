/* The thread calls the helper with 1 on one path and with 0 on another:
 * the synchronous path is thread code. */
#include <pthread.h>

long clients_freed;
int pending;

static void free_client(void) {
  clients_freed++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void free_client_async(void) {}

static void close_on_limit(int async) {
  if (async) free_client_async();
  else free_client();
}

static void flush(void) { close_on_limit(0); }

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    close_on_limit(1);
    flush();
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
