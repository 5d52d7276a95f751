/* Every caller takes the admin mutex through the header's wrappers. */
/* expect-none */
#include "admin.h"

pthread_mutex_t admin_mutex = PTHREAD_MUTEX_INITIALIZER;
unsigned long admin_generation;

static void *reconfigure(void *arg) {
  (void)arg;
  ADMIN_LOCK();
  ADMIN_UNLOCK();
  return NULL;
}

void admin_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, reconfigure, NULL);
}
