// expect-none
/* Cause 4 (issue 16): a callee takes a then b only when its caller has not
 * (`!handover`); the caller that holds both calls it with true while
 * holding b, which is no b -> a edge. */
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

void fire(struct ev *e) {
  pthread_mutex_lock(&e->a);
  pthread_mutex_lock(&e->b);
  reschedule(e, true);
}

void later(struct ev *e) { reschedule(e, false); }
