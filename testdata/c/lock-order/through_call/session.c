/* session_close holds sessions_mu and calls log_event (log.c), which takes
 * log_mu; log_rotate takes log_mu and then sessions_mu. */
#include <pthread.h>

pthread_mutex_t sessions_mu = PTHREAD_MUTEX_INITIALIZER;
int nsessions;
void log_event(const char *what);

void session_close(void) {
  pthread_mutex_lock(&sessions_mu);
  nsessions--;
  log_event("close"); // expect-note: "'log_mu' taken (in 'log_event') while 'sessions_mu' is held"
  pthread_mutex_unlock(&sessions_mu);
}
