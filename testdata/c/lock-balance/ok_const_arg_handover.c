// expect-none
/* Cause 4: locking decided by a constant argument; a callee that releases
 * its caller's lock when told to through a bool parameter. */
#include <pthread.h>
#include <stdbool.h>

static pthread_mutex_t q_mu = PTHREAD_MUTEX_INITIALIZER;
static int q_len;

static void push(int locked) {
  if (!locked) pthread_mutex_lock(&q_mu);
  q_len++;
  if (!locked) pthread_mutex_unlock(&q_mu);
}

void push_unlocked(void) { push(0); }

void push_batch(int n) {
  pthread_mutex_lock(&q_mu);
  for (int i = 0; i < n; i++) push(1);
  pthread_mutex_unlock(&q_mu);
}

static void finish(bool release) {
  q_len = 0;
  if (release) pthread_mutex_unlock(&q_mu);
}

void drain(void) {
  pthread_mutex_lock(&q_mu);
  finish(true);
}
