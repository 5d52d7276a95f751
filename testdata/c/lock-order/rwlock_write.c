/* A write lock and a mutex in opposite orders; a read lock on one side
 * still waits for the writer. */
#include <pthread.h>

static pthread_rwlock_t index_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t flush_mu = PTHREAD_MUTEX_INITIALIZER;
static int dirty;

void index_update(void) {
  pthread_rwlock_wrlock(&index_lock);
  pthread_mutex_lock(&flush_mu); // expect: [lock-order]
  dirty = 1;
  pthread_mutex_unlock(&flush_mu);
  pthread_rwlock_unlock(&index_lock);
}

void flush(void) {
  pthread_mutex_lock(&flush_mu);
  pthread_rwlock_rdlock(&index_lock); // expect-note: "'index_lock' taken while 'flush_mu' is held"
  dirty = 0;
  pthread_rwlock_unlock(&index_lock);
  pthread_mutex_unlock(&flush_mu);
}
