/* expect-none */
#include <pthread.h>

pthread_mutex_t store_mu = PTHREAD_MUTEX_INITIALIZER;
static int items[64], nitems;

void store_put(int v) {
  if (nitems < 64) items[nitems++] = v;
}
