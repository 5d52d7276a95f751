/* Near-misses: the result of a blocking lock kept in a variable and
 * tested; the error branch does not hold the lock. */
/* expect-none */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int v;

int set(int x) {
  int rc = pthread_mutex_lock(&m);
  if (rc != 0)
    return rc;
  v = x;
  pthread_mutex_unlock(&m);
  return 0;
}

int set2(int x) {
  int err;
  if ((err = pthread_mutex_lock(&m)) != 0) {
    perror("lock");
    return err;
  }
  v = x;
  pthread_mutex_unlock(&m);
  return 0;
}

int set3(int x) {
  int rc = pthread_mutex_lock(&m);
  if (rc)
    return -1;
  v = x;
  return pthread_mutex_unlock(&m);
}
