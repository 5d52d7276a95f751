/* The guards agree: the thread reads under IO_READ and the helper counts
 * under IO_READ too, so the I/O threads do update the counter together. */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ, IO_WRITE };

enum io_op io_op;
long bytes_read;

static void count(int n) {
  bytes_read += n; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void read_client(int n) {
  if (io_op == IO_READ) count(n);
  if (io_op != IO_WRITE) count(n + 1);
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    if (io_op == IO_READ) read_client(16);
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
