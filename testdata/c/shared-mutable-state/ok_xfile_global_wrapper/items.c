/* Near-miss from memcached (items.c, thread.c, testapp.c): the statistics
 * are updated between STATS_LOCK() and STATS_UNLOCK(), argument-less
 * wrappers of a global mutex defined in thread.c; a test program defines
 * no-op stubs of the same names, which must not hide the real ones. */
/* expect-none */
#include <pthread.h>

struct stats_state {
  unsigned long curr_bytes, curr_items;
};
struct stats_state stats_state;

void STATS_LOCK(void);
void STATS_UNLOCK(void);

void item_link(unsigned long n) {
  STATS_LOCK();
  stats_state.curr_bytes += n;
  stats_state.curr_items += 1;
  STATS_UNLOCK();
}

void item_unlink(unsigned long n) {
  STATS_LOCK();
  stats_state.curr_bytes -= n;
  stats_state.curr_items -= 1;
  STATS_UNLOCK();
}

static void *maintainer(void *arg) {
  (void)arg;
  item_unlink(1);
  return NULL;
}

static void *rebalancer(void *arg) {
  (void)arg;
  item_link(1);
  return NULL;
}

void start_threads(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, maintainer, NULL);
  pthread_create(&b, NULL, rebalancer, NULL);
}
