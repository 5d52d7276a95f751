// fix-enable: lazy-init-race (the rule is in racelint:strict only)
/* Fix: double-checked locking with C11 mtx_lock/mtx_unlock becomes
 * call_once() with a once_flag and an initialiser function; the mutex
 * stays. Unsafe: a failed initialisation is not tried again. */
#include <stdlib.h>
#include <threads.h>

static mtx_t mu;
static int *cache;

int *cache_get(void) {
  // expect: [lazy-init-race] "'cache' is checked here without the lock"
  if (!cache) {
    mtx_lock(&mu);
    if (!cache) cache = calloc(128, sizeof *cache);
    mtx_unlock(&mu);
  }
  return cache;
}

static int ready;
static int limits[4];

void limits_load(void) {
  // expect: [lazy-init-race] "'ready' is checked here without the lock"
  if (ready == 0) {
    mtx_lock(&mu);
    if (!ready) {
      for (int i = 0; i < 4; i++) limits[i] = rand() % 64;
      ready = 1;
    }
    mtx_unlock(&mu);
  }
}
