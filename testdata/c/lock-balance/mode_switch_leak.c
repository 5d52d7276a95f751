/* Still a leak: a function that unlocks its own acquisition on one path
 * and keeps it on an error path, next to a mode switch. */
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

int work(int);

int update(int resume, int v) {
  if (resume) {
    pthread_mutex_unlock(&m);
    return 0;
  }
  pthread_mutex_lock(&m);
  if (work(v) < 0) return -1; // expect: [lock-balance] "this return leaves 'm' locked"
  pthread_mutex_unlock(&m);
  return 0;
}
