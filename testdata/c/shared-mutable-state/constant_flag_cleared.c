/* Near-miss of ok_constant_flag.c: the concurrent writes store different
 * values (a flag raised by one thread and cleared by another, two
 * states), or one of them is an update: they can undo each other. */
#include <pthread.h>

enum state { IDLE, BUSY, DONE };

static int dirty;
static enum state state;
static int hits;

static void *worker(void *arg) {
  (void)arg;
  dirty = 1; // expect: [shared-mutable-state] "dirty"
  state = BUSY; // expect: [shared-mutable-state] "state"
  hits = 1; // expect: [shared-mutable-state] "hits"
  return NULL;
}

static void *flusher(void *arg) {
  (void)arg;
  if (dirty) dirty = 0; // expect: [shared-mutable-state] "dirty"
  state = DONE; // expect: [shared-mutable-state] "state"
  hits++; // expect: [shared-mutable-state] "hits"
  return NULL;
}

int start(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, worker, NULL);
  pthread_create(&b, NULL, flusher, NULL);
  return 0;
}
