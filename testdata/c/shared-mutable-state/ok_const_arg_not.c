/* Near-miss: `if (!async)` / `async == 0` / `0 != async` guard the
 * synchronous paths, and the thread passes a macro expanding to 1. */
/* expect-none */
#include <pthread.h>

#define ASYNC 1

long freed, logged, closed;

static void free_now(void) { freed++; }
static void log_close(void) { logged++; }
static void close_now(void) { closed++; }

void release(int async) {
  if (!async) free_now();
  if (async == 0) {
    log_close();
  }
  if (0 != async) return;
  close_now();
}

static void *worker(void *arg) {
  (void)arg;
  for (;;) release(ASYNC);
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, NULL);
  release(0);
  return 0;
}
