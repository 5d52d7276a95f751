/* Near-misses: trylock results tested every usual way. */
/* expect-none */
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int work;

int try_once(void) {
  if (pthread_mutex_trylock(&mu) == 0) {
    work++;
    pthread_mutex_unlock(&mu);
    return 1;
  }
  return 0;
}

int try_not(void) {
  if (pthread_mutex_trylock(&mu))
    return 0;
  work++;
  pthread_mutex_unlock(&mu);
  return 1;
}

int try_rc(void) {
  int rc = pthread_mutex_trylock(&mu);
  if (rc != 0)
    return rc;
  work++;
  pthread_mutex_unlock(&mu);
  return 0;
}

int try_ebusy(void) {
  if (pthread_mutex_trylock(&mu) == EBUSY)
    return 0;
  work++;
  pthread_mutex_unlock(&mu);
  return 1;
}

void spin_until_locked(void) {
  while (pthread_mutex_trylock(&mu) != 0) {
  }
  work++;
  pthread_mutex_unlock(&mu);
}

int checked_lock(void) {
  if (pthread_mutex_lock(&mu) != 0)
    return -1;
  work++;
  pthread_mutex_unlock(&mu);
  return 0;
}
