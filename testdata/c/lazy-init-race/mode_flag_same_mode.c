/* The lazy initialisation runs under the mode the I/O threads work in
 * (IO_READ): several of them can build it at once. */
#include <pthread.h>
#include <stdlib.h>

enum io_op { IO_IDLE, IO_READ };

enum io_op io_op;

static int *table;

static int *get_table(void) {
  if (!table) // expect: [lazy-init-race] "lazy initialisation of 'table' is not synchronised"
    table = calloc(256, sizeof *table);
  return table;
}

static void parse(int n) {
  for (int i = 0; i < n; i++) {
    if (io_op != IO_READ) return;
    get_table()[i] = i;
  }
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    if (io_op == IO_READ) parse(2);
  }
  return NULL;
}

void serve(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
