/* Near-misses: a counter guarded by the runtime's pair lock (both orders),
 * and by a trylock whose result is checked through a macro. */
/* expect-none */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

int rl_rt_lock_pair(pthread_mutex_t *a, pthread_mutex_t *b);
int rl_rt_unlock_pair(pthread_mutex_t *a, pthread_mutex_t *b);
int rl_rt_trylock_pair(pthread_mutex_t *a, pthread_mutex_t *b, int spins);

#define CHECK_OK(call)                                \
  do {                                                \
    long long rc_ = (long long)(call), zero_ = 0;     \
    if (rc_ != zero_) {                               \
      fprintf(stderr, "%s failed\n", #call);          \
      exit(1);                                        \
    }                                                 \
  } while (0)

static pthread_mutex_t mu_a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t mu_b = PTHREAD_MUTEX_INITIALIZER;
static long protected_count;

static void *ab(void *p) {
  (void)p;
  CHECK_OK(rl_rt_lock_pair(&mu_a, &mu_b));
  protected_count++;
  CHECK_OK(rl_rt_unlock_pair(&mu_a, &mu_b));
  return NULL;
}

static void *ba(void *p) {
  (void)p;
  CHECK_OK(rl_rt_trylock_pair(&mu_b, &mu_a, 0));
  protected_count++;
  CHECK_OK(rl_rt_unlock_pair(&mu_b, &mu_a));
  return NULL;
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) {
    pthread_create(&t[2 * i], NULL, ab, NULL);
    pthread_create(&t[2 * i + 1], NULL, ba, NULL);
  }
}
