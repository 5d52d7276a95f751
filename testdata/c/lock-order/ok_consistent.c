/* Near-misses: the same two locks always in one order, including through
 * a call made with the first one held. */
/* expect-none */
#include <pthread.h>

static pthread_mutex_t outer = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t inner = PTHREAD_MUTEX_INITIALIZER;
static int x, y;

static void bump_inner(void) {
  pthread_mutex_lock(&inner);
  y++;
  pthread_mutex_unlock(&inner);
}

void f(void) {
  pthread_mutex_lock(&outer);
  pthread_mutex_lock(&inner);
  x = y;
  pthread_mutex_unlock(&inner);
  pthread_mutex_unlock(&outer);
}

void g(void) {
  pthread_mutex_lock(&outer);
  bump_inner();
  pthread_mutex_unlock(&outer);
}

void h(void) {
  bump_inner();
  pthread_mutex_lock(&outer);
  x++;
  pthread_mutex_unlock(&outer);
}
