/* Argument-less wrappers of another file: an update after the unlock, or
 * through a wrapper pair that only looks like one (a no-op), is unlocked. */
#include <pthread.h>

struct stats_state {
  unsigned long curr_bytes, curr_items, evictions;
};
struct stats_state stats_state;

void STATS_LOCK(void);
void STATS_UNLOCK(void);
void TRACE_LOCK(void);
void TRACE_UNLOCK(void);

void item_link(unsigned long n) {
  STATS_LOCK();
  stats_state.curr_bytes += n;
  STATS_UNLOCK();
  stats_state.curr_items += 1; // expect: [shared-mutable-state] "threads 'maintainer' and 'rebalancer' both run this"
}

void item_evict(void) {
  TRACE_LOCK();
  stats_state.evictions++; // expect: [shared-mutable-state] "'stats_state.evictions'"
  TRACE_UNLOCK();
}

static void *maintainer(void *arg) {
  (void)arg;
  item_link(1);
  item_evict();
  return NULL;
}

static void *rebalancer(void *arg) {
  (void)arg;
  item_link(2);
  item_evict();
  return NULL;
}

void start_threads(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, maintainer, NULL);
  pthread_create(&b, NULL, rebalancer, NULL);
}
