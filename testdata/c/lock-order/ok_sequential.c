/* Near-misses: both orders, but never nested (one lock released before the
 * other is taken). */
/* expect-none */
#include <pthread.h>

static pthread_mutex_t a_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b_mu = PTHREAD_MUTEX_INITIALIZER;
static int a, b;

void copy_ab(void) {
  pthread_mutex_lock(&a_mu);
  int v = a;
  pthread_mutex_unlock(&a_mu);
  pthread_mutex_lock(&b_mu);
  b = v;
  pthread_mutex_unlock(&b_mu);
}

void copy_ba(void) {
  pthread_mutex_lock(&b_mu);
  int v = b;
  pthread_mutex_unlock(&b_mu);
  pthread_mutex_lock(&a_mu);
  a = v;
  pthread_mutex_unlock(&a_mu);
}
