/* Near-miss of ok_cleanup_pop_extern.c: the handler of another file is
 * given another mutex, so the one the loop holds stays held. */
#include <pthread.h>

void release_lock(void *mutex); /* in another library */

struct table {
  pthread_mutex_t mu, log_mu;
  int rows;
};

void *table_grow(void *arg) {
  struct table *t = arg;
  for (;;) {
    pthread_mutex_lock(&t->mu); // expect: [lock-balance] "locked again"
    pthread_cleanup_push(release_lock, &t->log_mu);
    t->rows++;
    pthread_cleanup_pop(1);
  }
  return NULL;
}
