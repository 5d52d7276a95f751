/* Near-misses: a lock taken and released under the same condition, early
 * returns before the lock, and loops that lock and unlock each round. */
/* expect-none */
#include <pthread.h>
#include <stdbool.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int total;

void add(int v, bool shared) {
  if (shared)
    pthread_mutex_lock(&mu);
  total += v;
  if (shared)
    pthread_mutex_unlock(&mu);
}

int add_checked(int v) {
  if (v < 0)
    return -1;
  pthread_mutex_lock(&mu);
  total += v;
  pthread_mutex_unlock(&mu);
  return 0;
}

void add_all(const int *v, int n) {
  for (int i = 0; i < n; i++) {
    pthread_mutex_lock(&mu);
    if (v[i] == 0) {
      pthread_mutex_unlock(&mu);
      continue;
    }
    total += v[i];
    pthread_mutex_unlock(&mu);
  }
}

void add_slowly(const int *v, int n) {
  pthread_mutex_lock(&mu);
  for (int i = 0; i < n; i++) {
    pthread_mutex_unlock(&mu); /* let others in */
    pthread_mutex_lock(&mu);
    total += v[i];
  }
  pthread_mutex_unlock(&mu);
}

int add_switch(int kind, int v) {
  pthread_mutex_lock(&mu);
  switch (kind) {
  case 0:
    total = v;
    break;
  case 1:
    total += v;
    break;
  default:
    pthread_mutex_unlock(&mu);
    return -1;
  }
  pthread_mutex_unlock(&mu);
  return 0;
}
