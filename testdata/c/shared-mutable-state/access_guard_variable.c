/* The thread passes a variable, not a constant: nothing is known about
 * argc in the helper, the cache it fills under `argc == 0` is thread
 * code. */
#include <pthread.h>
#include <stdlib.h>

static int *cached_sections;

int *gen_sections(int argc) {
  if (argc == 0) {
    if (cached_sections) return cached_sections;
    cached_sections = calloc(16, sizeof *cached_sections); // expect: [shared-mutable-state] "thread 'worker' also accesses it"
    return cached_sections;
  }
  return calloc((size_t)argc, sizeof(int));
}

static void *worker(void *arg) {
  int argc = *(int *)arg;
  for (;;) gen_sections(argc);
  return NULL;
}

void start(pthread_t *t, int *argcs) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, &argcs[i]);
}
