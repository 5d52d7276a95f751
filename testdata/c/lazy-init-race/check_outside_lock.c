/* The check is outside the lock and not repeated inside: two threads can
 * both create the table. */
#include <pthread.h>
#include <stdlib.h>

static int *table;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

int *table_get(void) {
  if (!table) { // expect: [lazy-init-race]
    pthread_mutex_lock(&mu);
    table = calloc(64, sizeof *table);
    pthread_mutex_unlock(&mu);
  }
  return table;
}
