/* A lazily created singleton used by every worker. */
#include <pthread.h>
#include <stdlib.h>

struct config {
  int level;
};

static struct config *config;

static struct config *config_get(void) {
  if (!config) // expect: [lazy-init-race] "lazy initialisation of 'config' is not synchronised"
    config = calloc(1, sizeof *config);
  return config;
}

static void *worker(void *arg) {
  (void)arg;
  return config_get();
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL); // expect-note: "thread 'worker' started here"
}
