/* Near-miss across files: the I/O thread (io.c) passes async = 1 to the
 * helper (close.c), which updates a global of a third file (stats.c)
 * itself, only when async is 0. */
/* expect-none */
#include <pthread.h>

#include "net.h"

static void *io_thread(void *arg) {
  struct client *c = arg;
  for (;;) close_client(c, 1);
  return NULL;
}

void start(pthread_t *t, struct client *clients) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, &clients[i]);
}
