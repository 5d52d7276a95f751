/* A helper reached twice from the thread: once under IO_READ (where its
 * IO_IDLE branch cannot run) and once with no guard at all. The unguarded
 * chain must still be followed after the guarded one was seen. */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ };

enum io_op io_op;
long flushes;

static void flush(void) {
  flushes++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void maybe_flush(void) {
  if (io_op == IO_IDLE) flush();
}

static void read_client(void) { maybe_flush(); }
static void tick(void) { maybe_flush(); }

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    if (io_op == IO_READ) read_client();
    tick();
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
