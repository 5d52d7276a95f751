/* Double-checked locking on a plain pointer. */
#include <pthread.h>
#include <stdlib.h>

struct pool {
  int size;
};

static struct pool *pool;
static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;

struct pool *pool_get(void) {
  if (pool == NULL) { // expect: [lazy-init-race] "double-checked locking"
    pthread_mutex_lock(&pool_mu);
    if (pool == NULL) {
      struct pool *p = malloc(sizeof *p);
      p->size = 16;
      pool = p;
    }
    pthread_mutex_unlock(&pool_mu);
  }
  return pool;
}
