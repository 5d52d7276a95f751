/* Near-misses: functions that are called with the lock held and drop it
 * for a moment (the caller's lock), and condition waits. */
/* expect-none */
#include <pthread.h>

struct pool {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int ready;
};

/* Called with p->mu held; returns with it held. */
void pool_wait_ready(struct pool *p) {
  while (!p->ready) pthread_cond_wait(&p->cv, &p->mu);
}

/* Called with p->mu held; releases it around slow work. */
void pool_do_slow(struct pool *p) {
  pthread_mutex_unlock(&p->mu);
  for (volatile int i = 0; i < 1000; i++) {
  }
  pthread_mutex_lock(&p->mu);
}

/* Releases the caller's lock: an unlock wrapper. */
void pool_release(struct pool *p) {
  p->ready = 0;
  pthread_mutex_unlock(&p->mu);
}

extern void helper_unlock(pthread_mutex_t *m);

int pool_run(struct pool *p) {
  pthread_mutex_lock(&p->mu);
  pool_wait_ready(p);
  if (p->ready < 0) {
    helper_unlock(&p->mu); /* unknown function: it may unlock */
    return -1;
  }
  pool_do_slow(p);
  pool_release(p);
  return 0;
}
