/* Near-miss: lock macros that log the lock's address (`"%p"`) through a
 * variadic logger after taking it. Printing a lock does not lock or
 * unlock it: the writes below stay under tab_lock, also in the helper
 * only called with it held. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

void trace_at(int level, const char *file, int line, const char *fmt, ...);

#define TAB_WRLOCK(l)                                                      \
  do {                                                                     \
    int rc_ = pthread_rwlock_wrlock(l);                                    \
    if (rc_ == 0)                                                          \
      trace_at(9, __FILE__, __LINE__, "write-locked %p (%s)", l, #l);      \
    else {                                                                 \
      trace_at(1, __FILE__, __LINE__, "error %d locking %p", rc_, l);      \
      abort();                                                             \
    }                                                                      \
  } while (0)
#define TAB_UNLOCK(l)                                                      \
  do {                                                                     \
    int rc_ = pthread_rwlock_unlock(l);                                    \
    if (rc_ == 0) trace_at(9, __FILE__, __LINE__, "unlocked %p", l);       \
  } while (0)

static pthread_rwlock_t tab_lock = PTHREAD_RWLOCK_INITIALIZER;
static int tab_size;
static int tab_grown;

static void tab_grow(void) { tab_grown++; } /* callers hold tab_lock */

static void *tab_writer(void *arg) {
  (void)arg;
  TAB_WRLOCK(&tab_lock);
  if (++tab_size > 64) tab_grow();
  TAB_UNLOCK(&tab_lock);
  return NULL;
}

void tab_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, tab_writer, NULL);
}
