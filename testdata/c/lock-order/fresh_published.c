/* A new object given away before its lock is taken: other threads may hold
 * it by then, so the order counts again. */
#include <pthread.h>
#include <stdlib.h>

struct bag {
  pthread_mutex_t mu;
  int items;
};
struct registry {
  pthread_mutex_t mu;
  struct bag *current;
};
static struct registry reg = {PTHREAD_MUTEX_INITIALIZER, NULL};
struct bag *bag_create(void);
void bag_share(struct bag *b);

void bag_add(struct bag *b) {
  pthread_mutex_lock(&b->mu);
  pthread_mutex_lock(&reg.mu); // expect: [lock-order] "registry_swap takes"
  b->items++;
  pthread_mutex_unlock(&reg.mu);
  pthread_mutex_unlock(&b->mu);
}

/* published in the registry first, then locked under the registry's lock */
void registry_swap(void) {
  struct bag *next = bag_create();
  if (!next)
    return;
  pthread_mutex_lock(&reg.mu);
  reg.current = next;
  pthread_mutex_lock(&next->mu);
  next->items = 0;
  pthread_mutex_unlock(&next->mu);
  pthread_mutex_unlock(&reg.mu);
}
