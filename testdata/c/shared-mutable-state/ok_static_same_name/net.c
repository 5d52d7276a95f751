// expect-none
/* Cause 7: two static functions named `tick` in different files are
 * different functions; only net.c's runs on the thread. */
#include <pthread.h>

static pthread_mutex_t net_mu = PTHREAD_MUTEX_INITIALIZER;
static int packets;

static void tick(void) {
  pthread_mutex_lock(&net_mu);
  packets++;
  pthread_mutex_unlock(&net_mu);
}

static void *net_thread(void *arg) {
  (void)arg;
  tick();
  return NULL;
}

int net_start(void) {
  pthread_t t;
  return pthread_create(&t, NULL, net_thread, NULL);
}
