/* The write comes before the bail-out: the guard protects only what
 * follows it. */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ };

enum io_op io_op;
long inputs, commands_run;

static void run_command(void) { commands_run++; }

static void process_input(int n) {
  while (n-- > 0) {
    inputs++; // expect: [shared-mutable-state] "several 'io_thread' threads"
    if (io_op != IO_IDLE) break;
    run_command();
  }
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
