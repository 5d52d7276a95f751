/* A static local in code several threads run: one id generator for all. */
#include <pthread.h>

static int next_id(void) {
  static int last;
  return ++last; // expect: [shared-mutable-state] "'last'"
}

static void *client(void *arg) {
  int *out = arg;
  *out = next_id();
  return NULL;
}

void start_clients(pthread_t *t, int *ids, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, client, &ids[i]);
}
