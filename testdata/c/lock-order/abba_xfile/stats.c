/* stats.c takes stats_mu, then cache_mu: the opposite order. */
#include <pthread.h>

pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
extern pthread_mutex_t cache_mu;
int stats_total;
extern int cache_hits;

void stats_reset(void) {
  pthread_mutex_lock(&stats_mu);
  stats_total = 0;
  pthread_mutex_lock(&cache_mu); // expect-note: "taken while 'stats_mu' is held"
  cache_hits = 0;
  pthread_mutex_unlock(&cache_mu);
  pthread_mutex_unlock(&stats_mu);
}
