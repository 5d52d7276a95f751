// expect-none
/* Cause 4 (issue 16): hand-over through a bool parameter. reschedule()
 * takes both locks itself unless its caller already holds them; either way
 * it releases them. fire() hands them over on one path and unlocks them
 * itself on the other: no path leaks. */
#include <pthread.h>
#include <stdbool.h>

struct ev {
  pthread_mutex_t a, b;
  int when;
};

static void reschedule(struct ev *e, bool handover) {
  if (!handover) {
    pthread_mutex_lock(&e->a);
    pthread_mutex_lock(&e->b);
  }
  e->when++;
  pthread_mutex_unlock(&e->b);
  pthread_mutex_unlock(&e->a);
}

void fire(struct ev *e, int now) {
  pthread_mutex_lock(&e->a);
  pthread_mutex_lock(&e->b);
  if (now < 0) {
    pthread_mutex_unlock(&e->b);
    pthread_mutex_unlock(&e->a);
    return;
  }
  reschedule(e, true);
}

void later(struct ev *e) { reschedule(e, false); }

/* an int flag compared with a named constant */
enum { KEEP = 0, GIVE = 1 };
static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static int pool_n;

static void put_back(int mode) {
  if (mode == KEEP) pthread_mutex_lock(&pool_mu);
  pool_n++;
  pthread_mutex_unlock(&pool_mu);
}

int grab(int want) {
  pthread_mutex_lock(&pool_mu);
  if (pool_n < want) {
    pthread_mutex_unlock(&pool_mu);
    return -1;
  }
  pool_n -= want;
  put_back(GIVE);
  return 0;
}

/* a callee that only releases, when told to */
static pthread_mutex_t q_mu = PTHREAD_MUTEX_INITIALIZER;
static int q_len;

static void finish(bool release) {
  q_len = 0;
  if (release) pthread_mutex_unlock(&q_mu);
}

void drain(int n) {
  pthread_mutex_lock(&q_mu);
  if (n < 0) {
    pthread_mutex_unlock(&q_mu);
    return;
  }
  finish(true);
}
