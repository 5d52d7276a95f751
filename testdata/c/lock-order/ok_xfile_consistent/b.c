/* expect-none */
#include <pthread.h>

static pthread_mutex_t metrics_mu = PTHREAD_MUTEX_INITIALIZER;
extern pthread_mutex_t cfg_mu;
extern int cfg_version;
static int samples;

void metrics_lock(void) { pthread_mutex_lock(&metrics_mu); }
void metrics_unlock(void) { pthread_mutex_unlock(&metrics_mu); }

void metrics_sample(void) {
  pthread_mutex_lock(&cfg_mu);
  metrics_lock();
  samples += cfg_version;
  metrics_unlock();
  pthread_mutex_unlock(&cfg_mu);
}
