/* Cause 4 near-miss (issue 16): an argument that is not a constant
 * decides nothing: the reversed edge stays, as before. */
#include <pthread.h>
#include <stdbool.h>

struct ev {
  pthread_mutex_t a, b;
  int when;
};

static void reschedule(struct ev *e, bool handover) {
  if (!handover) {
    pthread_mutex_lock(&e->a);
    pthread_mutex_lock(&e->b); // expect: [lock-order] "'struct ev.b' is taken while 'struct ev.a' is held"
  }
  e->when++;
  pthread_mutex_unlock(&e->b);
  pthread_mutex_unlock(&e->a);
}

void poke(struct ev *e, bool h) {
  pthread_mutex_lock(&e->b);
  e->when = 0;
  reschedule(e, h); // expect-note: "reschedule"
}
