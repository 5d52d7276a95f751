/* The project's read-write lock layer, used from client.c. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

typedef pthread_rwlock_t rw_lock_t;

void rwl_rdlock(rw_lock_t *l) {
  if (pthread_rwlock_rdlock(l)) abort();
}
void rwl_wrlock(rw_lock_t *l) {
  if (pthread_rwlock_wrlock(l)) abort();
}
void rwl_rdunlock(rw_lock_t *l) {
  if (pthread_rwlock_unlock(l)) abort();
}
void rwl_wrunlock(rw_lock_t *l) {
  if (pthread_rwlock_unlock(l)) abort();
}
