/* A lock whose address is printed by a variadic logger is still known to
 * be held: unlocking it twice is reported. A function that gets the lock
 * without a format string before it may lock or unlock it (its state is
 * unknown after the call): nothing is reported there. */
#include <pthread.h>

void note(const char *fmt, ...);
void hand_back(pthread_mutex_t *m, const char *why);

static pthread_mutex_t q_mu = PTHREAD_MUTEX_INITIALIZER;
static int q_len;

void q_drop(void) {
  pthread_mutex_lock(&q_mu);
  note("locked %p to drop", (void *)&q_mu);
  q_len = 0;
  pthread_mutex_unlock(&q_mu);
  pthread_mutex_unlock(&q_mu); // expect: [lock-balance] "already unlocked"
}

void q_give(void) {
  pthread_mutex_lock(&q_mu);
  q_len--;
  hand_back(&q_mu, "give %d");
  pthread_mutex_unlock(&q_mu);
}
