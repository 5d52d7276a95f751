/* The thread passes a variable, not a constant: nothing is known about
 * async in the helper, the synchronous path stays thread code. */
#include <pthread.h>

struct client {
  int fd;
  int async;
};

long clients_freed;

static void free_client(struct client *c) {
  c->fd = -1;
  clients_freed++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void free_client_async(struct client *c) { c->fd = 0; }

static void close_on_limit(struct client *c, int async) {
  if (async) free_client_async(c);
  else free_client(c);
}

static void *io_thread(void *arg) {
  struct client *c = arg;
  int async = c->async;
  for (;;) close_on_limit(c, async);
  return NULL;
}

void start(pthread_t *t, struct client *clients) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, &clients[i]);
}
