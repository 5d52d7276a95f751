/* The test of the parameter comes after the call: it does not guard it.
 * The call after `if (async) return;` is guarded (async == 0). */
#include <pthread.h>

long clients_freed, logged;

static void free_client(void) {
  clients_freed++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void log_async(void) {}
static void count_sync(void) { logged++; }

static void close_on_limit(int async) {
  free_client();
  if (async) {
    log_async();
    return;
  }
  count_sync();
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) close_on_limit(1);
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
