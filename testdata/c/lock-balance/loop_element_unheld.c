/* A loop whose body takes locks[i] for its own i needs that element free
 * when each pass begins (or the lock would deadlock), so an unlock of
 * locks[i] before the lock in the same pass is of a mutex the thread does
 * not hold - after `i++`, the element is in the state the previous one was
 * left in. */
#include <pthread.h>

#define NBUCKET 16

static pthread_mutex_t bucket_locks[NBUCKET];
static int bucket_skip[NBUCKET], bucket_len[NBUCKET];

void buckets_trim(void) {
  for (int i = 0; i < NBUCKET; i++) {
    if (bucket_skip[i]) {
      pthread_mutex_unlock(&bucket_locks[i]); // expect: [lock-balance] "'bucket_locks[i]' is unlocked here"
      continue;
    }
    pthread_mutex_lock(&bucket_locks[i]);
    if (bucket_len[i] > 8) bucket_len[i] = 8;
    pthread_mutex_unlock(&bucket_locks[i]);
  }
}
