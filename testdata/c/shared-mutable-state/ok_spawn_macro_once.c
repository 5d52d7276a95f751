// expect-none
/* A thread start wrapped in a statement macro, `do { ... } while (0)`,
 * starts one thread: a routine alone in touching a variable does not race
 * with itself. */
#include <pthread.h>

#define START(t, fn, arg)                         \
  do {                                            \
    if (pthread_create(&(t), NULL, fn, arg) != 0) \
      (t) = 0;                                    \
  } while (0)

static int reloads;

static void *reloader(void *arg) {
  (void)arg;
  reloads++;
  return NULL;
}

void start_reloader(void) {
  pthread_t t;
  START(t, reloader, NULL);
}
