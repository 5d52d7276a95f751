/* A break out of the loop skips the unlock; the end of the function is
 * reached with the lock held. */
#include <pthread.h>

static pthread_mutex_t qmu = PTHREAD_MUTEX_INITIALIZER;
static int queue[16], qlen;

void drain(int limit) {
  for (int i = 0; i < limit; i++) {
    pthread_mutex_lock(&qmu);
    if (qlen == 0)
      break;
    qlen--;
    pthread_mutex_unlock(&qmu);
  }
} // expect@-8: [lock-balance] "'drain' can reach its end with 'qmu' still locked"
