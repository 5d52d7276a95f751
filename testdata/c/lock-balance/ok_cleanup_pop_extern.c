/* pthread_cleanup_pop(1) runs a handler defined in a file this run does
 * not see (a helper library's `release_lock(void *)`), given the held
 * mutex's address: it may unlock it, so the mutex's state is unknown after
 * it and the next pass of the loop locking it again is no finding. */
// expect-none
#include <pthread.h>

void release_lock(void *mutex); /* in another library */

struct table {
  pthread_mutex_t mu;
  int rows;
};

static int table_rows(struct table *t) {
  int n;
  pthread_mutex_lock(&t->mu);
  pthread_cleanup_push(release_lock, &t->mu);
  n = t->rows;
  pthread_cleanup_pop(1);
  return n;
}

void *table_watch(void *arg) {
  struct table *t = arg;
  for (;;) {
    if (table_rows(t) > 100) break;
    pthread_mutex_lock(&t->mu);
    pthread_cleanup_push(release_lock, &t->mu);
    t->rows++;
    pthread_cleanup_pop(1);
  }
  return NULL;
}
