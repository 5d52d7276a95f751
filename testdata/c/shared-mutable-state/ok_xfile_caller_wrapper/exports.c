/* Every caller of the helper holds the admin mutex through the header's
 * wrapper: the helper's writes are protected. */
/* expect-none */
#include "admin.h"

pthread_mutex_t admin_mutex = PTHREAD_MUTEX_INITIALIZER;
unsigned long admin_generation;
static int export_count;

void exports_grow(void) { export_count++; } /* callers hold admin_mutex */

static void *reloader(void *arg) {
  (void)arg;
  ADMIN_LOCK();
  exports_grow();
  ADMIN_UNLOCK();
  return NULL;
}

void reload_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, reloader, NULL);
}
