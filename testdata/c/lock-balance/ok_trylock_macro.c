/* Near-misses: trylock results checked through a macro, then unlocked;
 * the runtime's pair lock of the same mutex twice. */
/* expect-none */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

int rl_rt_lock_pair(pthread_mutex_t *a, pthread_mutex_t *b);
int rl_rt_unlock_pair(pthread_mutex_t *a, pthread_mutex_t *b);

#define CHECK_EQ(a, b)                               \
  do {                                               \
    long long a_ = (long long)(a), b_ = (long long)(b); \
    if (a_ != b_) {                                  \
      fprintf(stderr, "%s != %s\n", #a, #b);         \
      exit(1);                                       \
    }                                                \
  } while (0)
#define CHECK_OK(call) CHECK_EQ((call), 0)

static pthread_mutex_t mu_a = PTHREAD_MUTEX_INITIALIZER;

void test_same_mutex_twice(void) {
  CHECK_OK(rl_rt_lock_pair(&mu_a, &mu_a));
  CHECK_EQ(pthread_mutex_trylock(&mu_a), EBUSY);
  CHECK_OK(rl_rt_unlock_pair(&mu_a, &mu_a));
  CHECK_OK(pthread_mutex_trylock(&mu_a));
  CHECK_OK(pthread_mutex_unlock(&mu_a));
}
