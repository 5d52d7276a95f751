/* Double-checked locking with C11 mtx_t. */
#include <stdlib.h>
#include <threads.h>

static mtx_t mu;
static int *cache;

int *cache_get(void) {
  if (!cache) { // expect: [lazy-init-race]
    mtx_lock(&mu);
    if (!cache) cache = calloc(128, sizeof *cache);
    mtx_unlock(&mu);
  }
  return cache;
}
