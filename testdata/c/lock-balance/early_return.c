/* An error path returns without unlocking. */
#include <pthread.h>
#include <stdlib.h>

struct cache {
  pthread_mutex_t mu;
  int *slots;
  int n;
};

int cache_put(struct cache *c, int v) {
  pthread_mutex_lock(&c->mu); // expect-note: "locked here"
  if (c->n >= 64)
    return -1; // expect: [lock-balance] "this return leaves 'c->mu' locked (locked at line 12)"
  c->slots[c->n++] = v;
  pthread_mutex_unlock(&c->mu);
  return 0;
}

static pthread_mutex_t reg_mu = PTHREAD_MUTEX_INITIALIZER;
static int *registry;

int reg_grow(int n) {
  pthread_mutex_lock(&reg_mu);
  int *p = realloc(registry, (size_t)n * sizeof *p);
  if (!p) {
    return -1; // expect: [lock-balance]
  }
  registry = p;
  pthread_mutex_unlock(&reg_mu);
  return 0;
}
