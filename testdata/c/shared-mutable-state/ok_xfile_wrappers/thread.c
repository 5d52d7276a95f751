/* Near-miss across files (libuv style): the lock wrappers live here, the
 * thread pool in pool.c locks through them. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

typedef pthread_mutex_t uv_mutex_t;
typedef pthread_cond_t uv_cond_t;

void uv_mutex_lock(uv_mutex_t *mutex) {
  if (pthread_mutex_lock(mutex)) abort();
}
void uv_mutex_unlock(uv_mutex_t *mutex) {
  if (pthread_mutex_unlock(mutex)) abort();
}
void uv_cond_wait(uv_cond_t *cond, uv_mutex_t *mutex) {
  if (pthread_cond_wait(cond, mutex)) abort();
}
