/* Cause 4 near-misses (issue 16): hand-overs that do not release on every
 * path, or that the call does not ask for, still leave the lock held. */
#include <pthread.h>
#include <stdbool.h>

struct ev {
  pthread_mutex_t a;
  int when;
};

/* hands the lock back only when it did not give up early */
static void finish(struct ev *e, bool handover) {
  if (!handover) pthread_mutex_lock(&e->a);
  if (e->when < 0) return; // expect: [lock-balance] "this return leaves 'e->a' locked"
  e->when++;
  pthread_mutex_unlock(&e->a);
}

void fire_partial(struct ev *e, int now) { // expect: [lock-balance] "'fire_partial' can reach its end with 'e->a' still locked"
  pthread_mutex_lock(&e->a);
  if (now < 0) {
    pthread_mutex_unlock(&e->a);
    return;
  }
  finish(e, true);
}

static void reschedule(struct ev *e, bool handover) {
  if (!handover) pthread_mutex_lock(&e->a);
  e->when++;
  pthread_mutex_unlock(&e->a);
}

/* false: reschedule takes the lock itself, and this one stays held */
void fire_false(struct ev *e, int now) { // expect: [lock-balance] "'fire_false' can reach its end with 'e->a' still locked"
  pthread_mutex_lock(&e->a);
  if (now < 0) {
    pthread_mutex_unlock(&e->a);
    return;
  }
  reschedule(e, false);
}

/* not a constant: nothing is credited, as before */
void fire_var(struct ev *e, int now, bool h) { // expect: [lock-balance] "'fire_var' can reach its end with 'e->a' still locked"
  pthread_mutex_lock(&e->a);
  if (now < 0) {
    pthread_mutex_unlock(&e->a);
    return;
  }
  reschedule(e, h);
}

/* a release-only callee told not to release */
static pthread_mutex_t q_mu = PTHREAD_MUTEX_INITIALIZER;
static int q_len;

static void finish_q(bool release) {
  q_len = 0;
  if (release) pthread_mutex_unlock(&q_mu);
}

void drain_keep(int n) { // expect: [lock-balance] "'drain_keep' can reach its end with 'q_mu' still locked"
  pthread_mutex_lock(&q_mu);
  if (n < 0) {
    pthread_mutex_unlock(&q_mu);
    return;
  }
  finish_q(false);
}
