/* The other caller of the helper, in a file of its own, also holds the
 * admin mutex around it. */
/* expect-none */
#include "admin.h"

void exports_grow(void);

static void *admin_thread(void *arg) {
  (void)arg;
  ADMIN_LOCK();
  exports_grow();
  ADMIN_UNLOCK();
  return NULL;
}

void admin_start(pthread_t *t) { pthread_create(t, NULL, admin_thread, NULL); }
