/* The thread changes the mode through a pointer set up at file scope, a
 * write the summaries cannot see: the flag is never trusted. */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ };

enum io_op io_op;
static enum io_op *current = &io_op;
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

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    if (io_op == IO_READ) {
      *current = IO_IDLE;
      process_input(4);
    }
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
