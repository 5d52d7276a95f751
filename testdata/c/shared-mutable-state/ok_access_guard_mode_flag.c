/* Near-miss: the I/O threads read input only under IO_READ; the input
 * loop counts commands only under IO_IDLE (`if (io_op == IO_IDLE)`, and
 * after `if (io_op != IO_IDLE) return;`), in the same function as the
 * reading. Only main writes io_op. */
/* expect-none */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ };

enum io_op io_op;
long commands, idle_passes;

static void process_input(int *buf, int n) {
  for (int i = 0; i < n; i++) buf[i] = 0;
  if (io_op == IO_IDLE) commands += n;
  if (io_op != IO_IDLE) return;
  idle_passes++;
}

static void *io_thread(void *arg) {
  int *buf = arg;
  for (;;) {
    if (io_op == IO_READ) process_input(buf, 16);
  }
  return NULL;
}

void serve(pthread_t *t, int (*bufs)[16]) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, bufs[i]);
  for (;;) {
    io_op = IO_READ;
    io_op = IO_IDLE;
    process_input(bufs[0], 16);
  }
}
