/* cache.c takes cache_mu, then stats_mu (declared in stats.c). */
#include <pthread.h>

pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
extern pthread_mutex_t stats_mu;
int cache_hits;
extern int stats_total;

void cache_hit(void) {
  pthread_mutex_lock(&cache_mu);
  cache_hits++;
  pthread_mutex_lock(&stats_mu); // expect: [lock-order] "'stats_mu' is taken while 'cache_mu' is held"
  stats_total++;
  pthread_mutex_unlock(&stats_mu);
  pthread_mutex_unlock(&cache_mu);
}
