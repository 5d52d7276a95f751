/* Near-miss: this caller takes the admin mutex only after calling the
 * helper, so not every call of it holds the lock. */
/* expect-none */
#include "admin.h"

void exports_grow(void);

static void *admin_thread(void *arg) {
  (void)arg;
  exports_grow();
  ADMIN_LOCK();
  ADMIN_UNLOCK();
  return NULL;
}

void admin_start(pthread_t *t) { pthread_create(t, NULL, admin_thread, NULL); }
