/* A syntax error of the file itself (a missing ';'): reported, since
 * the build's flags would not fix it. */
#include <pthread.h>

static pthread_mutex_t queue_mu = PTHREAD_MUTEX_INITIALIZER;
static int queue_len;

int queue_push(void) {
  pthread_mutex_lock(&queue_mu);
  queue_len++ // expect: [parse-error] "expected ';'"
  pthread_mutex_unlock(&queue_mu);
  return 0;
}
