/* Near-miss: header-defined argument-less wrappers whose lock macros log
 * the lock (`"%p"`), in a run that cannot find one of the build's headers
 * (the files are parsed incompletely). The logged lock is still held: the
 * wrappers are wrappers, and the unlock wrapper's bump runs under the
 * mutex its callers took. */
/* expect-none */
#include <pthread.h>
#include "rl_testdata_absent/build_config.h"

void trace(int level, const char *fmt, ...);

#define MUTEX_LOCK(m)                                     \
  do {                                                    \
    int rc_ = pthread_mutex_lock(m);                      \
    if (rc_ == 0) trace(9, "locked %p (%s)", m, #m);      \
  } while (0)
#define MUTEX_UNLOCK(m)                                   \
  do {                                                    \
    int rc_ = pthread_mutex_unlock(m);                    \
    if (rc_ == 0) trace(9, "unlocked %p (%s)", m, #m);    \
  } while (0)

extern pthread_mutex_t admin_mutex;
extern unsigned long admin_generation;

static inline void ADMIN_LOCK(void) {
  MUTEX_LOCK(&admin_mutex);
  admin_generation++;
}

static inline void ADMIN_UNLOCK(void) {
  admin_generation++;
  MUTEX_UNLOCK(&admin_mutex);
}
