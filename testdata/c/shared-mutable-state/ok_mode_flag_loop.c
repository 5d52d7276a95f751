/* Near-miss (redis's I/O threads, in miniature): an I/O thread reads a
 * client only while the main thread has set io_op to IO_READ, and the
 * input loop runs a command only when io_op is IO_IDLE; it bails out with
 * `if (io_op != IO_IDLE) { ...; break; }` first. Only the main thread
 * writes io_op, so no I/O thread ever runs run_command(). */
/* expect-none */
#include <pthread.h>

enum io_op { IO_IDLE, IO_READ, IO_WRITE };

struct client {
  int flags;
  int pending;
};

enum io_op io_op;
long commands_run;

static void run_command(struct client *c) {
  commands_run++;
  c->pending--;
}

static void process_input(struct client *c) {
  while (c->pending > 0) {
    if (c->flags < 0) break;
    if (io_op != IO_IDLE) {
      c->flags |= 1;
      break;
    }
    run_command(c);
  }
}

static void read_client(struct client *c) { process_input(c); }
static void write_client(struct client *c) { c->flags = 0; }

static void *io_thread(void *arg) {
  struct client *c = arg;
  for (;;) {
    if (io_op == IO_WRITE) {
      write_client(c);
    } else if (io_op == IO_READ) {
      read_client(c);
    }
  }
  return NULL;
}

void serve(pthread_t *t, struct client *clients) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, &clients[i]);
  for (;;) {
    io_op = IO_READ;
    /* ... wait until every I/O thread is done ... */
    io_op = IO_IDLE;
    for (int i = 0; i < 4; i++) read_client(&clients[i]);
  }
}
