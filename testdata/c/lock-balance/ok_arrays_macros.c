/* Near-misses: a lock per array element taken in a loop, exit() and
 * abort() after an unlock, locks behind macros, do { } while (0) error
 * macros that unlock and return, and a retry loop made of goto. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

#define NBUCKETS 16
#define LOCK_BIG() pthread_mutex_lock(&big)
#define UNLOCK_BIG() pthread_mutex_unlock(&big)
#define CHECK(c)                   \
  do {                             \
    if (!(c)) {                    \
      pthread_mutex_unlock(&big);  \
      return -1;                   \
    }                              \
  } while (0)

static pthread_mutex_t bucket_locks[NBUCKETS];
static int buckets[NBUCKETS];
static pthread_mutex_t big = PTHREAD_MUTEX_INITIALIZER;

void lock_all(void) {
  for (int i = 0; i < NBUCKETS; i++) pthread_mutex_lock(&bucket_locks[i]);
}

void unlock_all(void) {
  for (int i = NBUCKETS - 1; i >= 0; i--) pthread_mutex_unlock(&bucket_locks[i]);
}

int set_checked(int x) {
  LOCK_BIG();
  CHECK(x > 0);
  CHECK(x < 100);
  buckets[2] = x;
  UNLOCK_BIG();
  return 0;
}

int set_or_die(int x) {
  pthread_mutex_lock(&big);
  if (x < 0) {
    pthread_mutex_unlock(&big);
    exit(1);
  }
  if (x == 0) abort();
  buckets[3] = x;
  pthread_mutex_unlock(&big);
  return 0;
}

int take_one(void) {
again:
  pthread_mutex_lock(&big);
  if (buckets[0] <= 0) {
    pthread_mutex_unlock(&big);
    goto again;
  }
  buckets[0]--;
  pthread_mutex_unlock(&big);
  return 0;
}
