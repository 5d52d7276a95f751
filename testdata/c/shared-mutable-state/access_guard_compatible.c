/* The guards agree with the thread's context: the I/O threads pass
 * async = 1 and the helper counts under `if (async)`; they read under
 * IO_READ and the input loop counts under IO_READ and under != IO_WRITE.
 * The I/O threads do update the counters together. */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ, IO_WRITE };

enum io_op io_op;
long pending_async, bytes_read, passes;

static void close_client(int async) {
  if (async) pending_async++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void process_input(int n) {
  if (io_op == IO_READ) bytes_read += n; // expect: [shared-mutable-state] "several 'io_thread' threads"
  if (io_op != IO_WRITE) passes++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    close_client(1);
    if (io_op == IO_READ) process_input(16);
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
