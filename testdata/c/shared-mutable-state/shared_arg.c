/* Every thread gets the same context object and updates its fields. */
#include <pthread.h>

struct ctx {
  pthread_mutex_t mu;
  int jobs_done;
  int errors;
};

static void *run(void *arg) {
  struct ctx *c = arg;
  c->jobs_done++; // expect: [shared-mutable-state] "'c->jobs_done'"
  pthread_mutex_lock(&c->mu);
  c->errors++;
  pthread_mutex_unlock(&c->mu);
  return NULL;
}

void run_all(void) {
  struct ctx c = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t t[8];
  for (int i = 0; i < 8; i++) pthread_create(&t[i], NULL, run, &c);
  for (int i = 0; i < 8; i++) pthread_join(t[i], NULL);
}
