/* Near-miss: each file has its own static 'lock' and 'stats_lock'; the
 * opposite orders are on different mutexes. */
/* expect-none */
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int n;

void a_update(void) {
  pthread_mutex_lock(&lock);
  pthread_mutex_lock(&stats_lock);
  n++;
  pthread_mutex_unlock(&stats_lock);
  pthread_mutex_unlock(&lock);
}
