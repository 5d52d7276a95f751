/* The early exit does not dominate the call: a goto jumps past it, so the
 * command can run in any mode. */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ };

enum io_op io_op;
long commands_run;

static void run_command(void) {
  commands_run++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void process_input(int n) {
  if (n > 3) goto run;
  if (io_op != IO_IDLE) return;
run:
  run_command();
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    if (io_op == IO_READ) process_input(4);
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
