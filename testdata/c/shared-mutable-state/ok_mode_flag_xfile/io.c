/* Near-miss across files: the I/O thread (io.c) reads only under
 * IO_READ; input.c runs commands only under IO_IDLE; the command (cmd.c)
 * updates a global. The flag is declared in a header, written by main. */
/* expect-none */
#include <pthread.h>

#include "io.h"

enum io_op io_op;

static void *io_thread(void *arg) {
  struct client *c = arg;
  for (;;) {
    if (io_op == IO_READ) read_client(c);
  }
  return NULL;
}

void start_io(pthread_t *t, struct client *clients, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, io_thread, &clients[i]);
}

void main_loop(struct client *clients, int n) {
  for (;;) {
    io_op = IO_READ;
    io_op = IO_IDLE;
    for (int i = 0; i < n; i++) read_client(&clients[i]);
  }
}
