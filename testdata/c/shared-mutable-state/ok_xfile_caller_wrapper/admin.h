/* Argument-less wrappers of the admin mutex, defined in a header: the
 * update counter is bumped inside the lock, also by the unlock wrapper,
 * which only runs between ADMIN_LOCK() and ADMIN_UNLOCK() of its callers
 * (in other files). */
/* expect-none */
#include <pthread.h>

extern pthread_mutex_t admin_mutex;
extern unsigned long admin_generation;

static inline void ADMIN_LOCK(void) {
  pthread_mutex_lock(&admin_mutex);
  admin_generation++;
}

static inline void ADMIN_UNLOCK(void) {
  admin_generation++;
  pthread_mutex_unlock(&admin_mutex);
}
