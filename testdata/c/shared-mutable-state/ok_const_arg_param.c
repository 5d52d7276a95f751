/* Near-miss (redis's closeClientOnOutputBufferLimitReached(c, 1)): the
 * I/O thread calls the helper with async = 1, and the helper frees the
 * client synchronously - updating a global - only when async is 0. The
 * parameter is never assigned in the helper. */
/* expect-none */
#include <pthread.h>

struct client {
  int fd;
  long reply_bytes;
};

long clients_freed;
long pending_async;

static void free_client(struct client *c) {
  c->fd = -1;
  clients_freed++;
}

static void free_client_async(struct client *c) { c->reply_bytes = 0; }

int close_on_limit(struct client *c, int async) {
  if (c->reply_bytes < 1024) return 0;
  if (async) {
    free_client_async(c);
  } else {
    free_client(c);
  }
  return 1;
}

static void *io_thread(void *arg) {
  struct client *c = arg;
  for (;;) close_on_limit(c, 1);
  return NULL;
}

void start(pthread_t *t, struct client *clients) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, &clients[i]);
}

void cron(struct client *c) { close_on_limit(c, 0); }
