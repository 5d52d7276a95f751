/* The I/O thread calls the helper with async = 1, and also with 0 on
 * another path: the synchronous update inside the helper is thread code. */
#include <pthread.h>

long clients_freed;

static void close_client(int fd, int async) {
  (void)fd;
  if (!async) clients_freed++; // expect: [shared-mutable-state] "several 'io_thread' threads"
}

static void flush_all(void) { close_client(-1, 0); }

static void *io_thread(void *arg) {
  int fd = *(int *)arg;
  for (;;) {
    close_client(fd, 1);
    flush_all();
  }
  return NULL;
}

void start(pthread_t *t, int *fds) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, &fds[i]);
}
