/* The I/O threads pass argc = 1, but the cleanup path passes 0: the lazy
 * initialisation under `argc == 0` is thread code. */
#include <pthread.h>
#include <stdlib.h>

static int *cached_sections;

int *gen_sections(int argc) {
  if (argc == 0) {
    if (!cached_sections) // expect: [lazy-init-race] "lazy initialisation of 'cached_sections' is not synchronised"
      cached_sections = calloc(16, sizeof *cached_sections);
    return cached_sections;
  }
  return calloc((size_t)argc, sizeof(int));
}

static void reset(void) { gen_sections(0); }

static void *io_thread(void *arg) {
  (void)arg;
  for (;;) {
    free(gen_sections(1));
    reset();
  }
  return NULL;
}

void serve(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, io_thread, NULL);
}
