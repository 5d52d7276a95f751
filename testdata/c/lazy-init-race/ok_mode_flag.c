/* Near-miss (redis's INFO build id behind its I/O threads): the lazily
 * built string is only used when a command runs, and the I/O threads run
 * none: they read input only under IO_READ, the input loop runs a command
 * only under IO_IDLE. Only main writes io_op. */
/* expect-none */
#include <pthread.h>
#include <stdio.h>

enum io_op { IO_IDLE, IO_READ };

enum io_op io_op;

static char *build_id(void) {
  static char buf[64];
  static char *cached;
  if (!cached) {
    snprintf(buf, sizeof buf, "%d", 42);
    cached = buf;
  }
  return cached;
}

static void run_info(void) { puts(build_id()); }

static void process_input(int n) {
  for (int i = 0; i < n; i++) {
    if (io_op != IO_IDLE) return;
    run_info();
  }
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    if (io_op == IO_READ) process_input(2);
  }
  return NULL;
}

void serve(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
  for (;;) {
    io_op = IO_READ;
    io_op = IO_IDLE;
    process_input(2);
  }
}
