/* Near-misses: two read locks in both orders never wait for each other,
 * and locals are private to their function. */
/* expect-none */
#include <pthread.h>

static pthread_rwlock_t users = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t groups = PTHREAD_RWLOCK_INITIALIZER;
static int nusers, ngroups;

int ratio(void) {
  pthread_rwlock_rdlock(&users);
  pthread_rwlock_rdlock(&groups);
  int r = ngroups ? nusers / ngroups : 0;
  pthread_rwlock_unlock(&groups);
  pthread_rwlock_unlock(&users);
  return r;
}

int total(void) {
  pthread_rwlock_rdlock(&groups);
  pthread_rwlock_rdlock(&users);
  int t = nusers + ngroups;
  pthread_rwlock_unlock(&users);
  pthread_rwlock_unlock(&groups);
  return t;
}

void local_locks(void) {
  pthread_mutex_t m1, m2;
  pthread_mutex_init(&m1, NULL);
  pthread_mutex_init(&m2, NULL);
  pthread_mutex_lock(&m1);
  pthread_mutex_lock(&m2);
  pthread_mutex_unlock(&m2);
  pthread_mutex_unlock(&m1);
  pthread_mutex_lock(&m2);
  pthread_mutex_lock(&m1);
  pthread_mutex_unlock(&m1);
  pthread_mutex_unlock(&m2);
}
