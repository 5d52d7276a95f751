/* The redis shape, but the I/O thread sets the mode back itself when it is
 * done: io_op is no mode flag for it (its value can be IO_IDLE when the
 * next client is read), so the command path stays reachable. */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ };

enum io_op io_op;
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
      process_input(4);
      io_op = IO_IDLE; // expect: [shared-mutable-state] "'io_op' is written here"
    }
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
