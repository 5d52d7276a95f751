/* The mode comes from a function call, whose result is not known: no
 * constraint, the command path stays reachable. */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ };

static enum io_op io_op;
long commands_run;

enum io_op current_op(void) { return io_op; }

static void run_command(void) {
  commands_run++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void process_input(int n) {
  while (n-- > 0) {
    if (current_op() != IO_IDLE) break;
    run_command();
  }
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    if (current_op() == IO_READ) process_input(4);
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
