/* Double-checked locking on an init flag. */
#include <pthread.h>

static int initialized;
static int table[256];
static pthread_mutex_t init_mu = PTHREAD_MUTEX_INITIALIZER;

void table_init(void) {
  if (!initialized) { // expect: [lazy-init-race] "'initialized' is checked here without the lock"
    pthread_mutex_lock(&init_mu);
    if (!initialized) {
      for (int i = 0; i < 256; i++) table[i] = i * i;
      initialized = 1;
    }
    pthread_mutex_unlock(&init_mu);
  }
}
