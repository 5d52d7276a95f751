/* Cause 4 near-miss: the caller says it does not hold the lock, but it
 * does: the callee locks it again. */
#include <pthread.h>

static pthread_mutex_t q_mu = PTHREAD_MUTEX_INITIALIZER;
static int q_len;

static void push(int locked) {
  if (!locked) pthread_mutex_lock(&q_mu);
  q_len++;
  if (!locked) pthread_mutex_unlock(&q_mu);
}

void push_twice(void) {
  pthread_mutex_lock(&q_mu);
  push(0); // expect: [lock-balance] "locks 'q_mu' again"
  pthread_mutex_unlock(&q_mu);
}
