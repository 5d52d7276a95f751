/* Lock and unlock through the wrappers of osmutex.c. */
#include <pthread.h>

typedef pthread_mutex_t os_mutex_t;
void os_mutex_lock(os_mutex_t *m);
void os_mutex_unlock(os_mutex_t *m);
void os_lock_stats(os_mutex_t *m);

static os_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static int table[64];

int table_set(int k, int v) {
  os_mutex_lock(&table_mu); // expect-note: "locked here"
  if (k < 0 || k >= 64)
    return -1; // expect: [lock-balance] "this return leaves 'table_mu' locked"
  table[k] = v;
  os_mutex_unlock(&table_mu);
  return 0;
}

int table_get(int k) {
  os_mutex_lock(&table_mu);
  int v = table[k & 63];
  os_mutex_unlock(&table_mu);
  return v;
}

/* os_lock_stats is not a lock function (osmutex.c): no finding here */
int table_stats(int k) {
  os_lock_stats(&table_mu);
  if (k < 0)
    return -1;
  os_mutex_unlock(&table_mu);
  return 0;
}
