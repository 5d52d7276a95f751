/* Near-miss: the lazy initialisations sit inside the helpers, under tests
 * the I/O threads' context excludes: the threads pass argc = 1 to a
 * helper that caches only when argc is 0, and read input under IO_READ
 * while the input loop builds its table only under IO_IDLE. Main passes
 * argc = 0 and writes io_op. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

enum io_op { IO_IDLE, IO_READ };

enum io_op io_op;
static int *cached_sections, *idle_table;

int *gen_sections(int argc) {
  if (argc == 0) {
    if (!cached_sections) cached_sections = calloc(16, sizeof *cached_sections);
    return cached_sections;
  }
  return calloc((size_t)argc, sizeof(int));
}

static void process_input(int n) {
  if (io_op != IO_IDLE) return;
  if (!idle_table) idle_table = calloc((size_t)n, sizeof *idle_table);
}

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    free(gen_sections(1));
    if (io_op == IO_READ) process_input(4);
  }
  return NULL;
}

void serve(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
  for (;;) {
    io_op = IO_READ;
    io_op = IO_IDLE;
    gen_sections(0);
    process_input(4);
  }
}
