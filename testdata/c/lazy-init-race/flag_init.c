/* A bool "ready" flag guarding one-time setup, in thread code. */
#include <pthread.h>
#include <stdbool.h>

static bool ready;
static int weights[16];

static void setup(void) {
  for (int i = 0; i < 16; i++) weights[i] = 16 - i;
}

static int weight(int i) {
  if (!ready) { // expect: [lazy-init-race] "'ready'"
    setup();
    ready = true;
  }
  return weights[i & 15];
}

static void *scorer(void *arg) {
  return (void *)(long)weight((int)(long)arg);
}

void score_all(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, scorer, (void *)(long)i);
}
