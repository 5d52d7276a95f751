/* assert() after the lock does not end the path; the early return leaks. */
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int v;

int set_positive(int x) {
  int rc = pthread_mutex_lock(&m);
  assert(rc == 0);
  if (x < 0)
    return -1; // expect: [lock-balance] "this return leaves 'm' locked (locked at line 9)"
  v = x;
  pthread_mutex_unlock(&m);
  return 0;
}
