/* Near-misses: two read locks of a rwlock, a recursive mutex locked twice. */
/* expect-none */
#include <pthread.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t rec;
static int value;

void init_rec(void) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&rec, &a);
}

int read_twice(void) {
  pthread_rwlock_rdlock(&rw);
  pthread_rwlock_rdlock(&rw);
  int v = value;
  pthread_rwlock_unlock(&rw);
  pthread_rwlock_unlock(&rw);
  return v;
}

void nested(void) {
  pthread_mutex_lock(&rec);
  pthread_mutex_lock(&rec);
  value++;
  pthread_mutex_unlock(&rec);
  pthread_mutex_unlock(&rec);
}

int write_it(int v) {
  if (pthread_rwlock_wrlock(&rw) != 0)
    return -1;
  value = v;
  pthread_rwlock_unlock(&rw);
  return 0;
}
