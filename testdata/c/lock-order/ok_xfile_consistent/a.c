/* Near-miss across files: both files nest the locks in the same order,
 * one of them through a lock wrapper of b.c. */
/* expect-none */
#include <pthread.h>

pthread_mutex_t cfg_mu = PTHREAD_MUTEX_INITIALIZER;
int cfg_version;
void metrics_lock(void);
void metrics_unlock(void);

void cfg_reload(void) {
  pthread_mutex_lock(&cfg_mu);
  cfg_version++;
  metrics_lock();
  metrics_unlock();
  pthread_mutex_unlock(&cfg_mu);
}
