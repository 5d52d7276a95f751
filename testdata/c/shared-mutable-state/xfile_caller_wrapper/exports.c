/* One caller of the helper (admin_cmd.c) calls it before taking the admin
 * mutex: the helper's write races. */
#include "admin.h"

pthread_mutex_t admin_mutex = PTHREAD_MUTEX_INITIALIZER;
unsigned long admin_generation;
static int export_count;

void exports_grow(void) { export_count++; } // expect: [shared-mutable-state] "export_count"

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
