/* The guard is on a parameter (the mode the caller passed), not on a
 * global: no constraint is carried, the command path stays reachable. */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ };

enum io_op io_op;
long commands_run;

static void run_command(void) {
  commands_run++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void process_input(enum io_op op, int n) {
  while (n-- > 0) {
    if (op != IO_IDLE) break;
    run_command();
  }
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    enum io_op mine = io_op;
    if (mine == IO_READ) process_input(mine, 4);
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
