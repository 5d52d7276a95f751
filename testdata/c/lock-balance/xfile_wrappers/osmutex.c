/* The project's lock layer. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

typedef pthread_mutex_t os_mutex_t;

void os_mutex_lock(os_mutex_t *m) {
  if (pthread_mutex_lock(m)) abort();
}
void os_mutex_unlock(os_mutex_t *m) {
  if (pthread_mutex_unlock(m)) abort();
}
/* not a lock function, whatever its name says */
void os_lock_stats(os_mutex_t *m) { (void)m; }
