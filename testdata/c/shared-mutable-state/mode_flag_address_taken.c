/* The thread changes the mode through a pointer (an atomic exchange): a
 * write the summaries do not see, so the flag is never trusted. */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ };

int io_op;
long commands_run;

static void run_command(void) {
  commands_run++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void process_input(int n) {
  while (n-- > 0) {
    if (io_op != IO_IDLE) break;
    run_command();
  }
}

static void done(int *op) { __atomic_store_n(op, IO_IDLE, __ATOMIC_SEQ_CST); }

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    if (io_op == IO_READ) {
      done(&io_op);
      process_input(4);
    }
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
