/* Near-miss (redis's genInfoSectionDict(argv, 1, ...) from the crash
 * report): the I/O threads pass constants that the helpers' own tests on
 * their parameters exclude. The writes are not in a function the threads
 * never reach, but inside it, under `if (!async)` and `if (argc == 0)`.
 * Main passes the other values; it starts the threads, it is no thread. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

struct client {
  int fd;
  long reply_bytes;
};

long clients_freed;
static int *cached_sections;

void close_client(struct client *c, int async) {
  c->fd = -1;
  if (!async) clients_freed++;
}

int *gen_sections(const char **argv, int argc) {
  if (argc == 0) {
    if (cached_sections) return cached_sections;
    cached_sections = calloc(16, sizeof *cached_sections);
    return cached_sections;
  }
  int *s = calloc((size_t)argc, sizeof *s);
  for (int i = 0; i < argc; i++) s[i] = argv[i][0];
  return s;
}

static void *io_thread(void *arg) {
  struct client *c = arg;
  const char *argv[] = {"all"};
  for (;;) {
    close_client(c, 1);
    free(gen_sections(argv, 1));
  }
  return NULL;
}

void start(pthread_t *t, struct client *clients) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, &clients[i]);
}

void cron(struct client *c) {
  close_client(c, 0);
  gen_sections(NULL, 0);
}
