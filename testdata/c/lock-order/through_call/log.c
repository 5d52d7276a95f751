#include <pthread.h>
#include <stdio.h>

pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
extern pthread_mutex_t sessions_mu;
extern int nsessions;
static FILE *logf;

void log_event(const char *what) {
  pthread_mutex_lock(&log_mu);
  if (logf) fprintf(logf, "%s\n", what);
  pthread_mutex_unlock(&log_mu);
}

void log_rotate(void) {
  pthread_mutex_lock(&log_mu);
  pthread_mutex_lock(&sessions_mu); // expect: [lock-order] "'sessions_mu' is taken while 'log_mu' is held, and session_close takes 'log_mu'"
  if (logf) fprintf(logf, "%d sessions\n", nsessions);
  pthread_mutex_unlock(&sessions_mu);
  pthread_mutex_unlock(&log_mu);
}
