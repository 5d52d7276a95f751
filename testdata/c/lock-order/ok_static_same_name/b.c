/* expect-none */
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int n;

void b_update(void) {
  pthread_mutex_lock(&stats_lock);
  pthread_mutex_lock(&lock);
  n++;
  pthread_mutex_unlock(&lock);
  pthread_mutex_unlock(&stats_lock);
}
