// expect-none
/* A return in code the preprocessor leaves out is no return: only a
 * statement clang dropped for an error ends a path where no node is. */
#include <pthread.h>

static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static int log_lines;

int log_line(int level) {
  pthread_mutex_lock(&log_mu);
#ifdef RL_TESTDATA_NEVER_DEFINED
  if (level > 3) pthread_mutex_unlock(&log_mu);
  return -1;
#endif
  log_lines += level;
  pthread_mutex_unlock(&log_mu);
  return 0;
}
