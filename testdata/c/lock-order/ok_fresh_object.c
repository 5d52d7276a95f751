/* Near-misses: locks told apart only by their struct type, where one end
 * is an object the function has just allocated and given to no one yet:
 * no other thread can hold its lock or wait for it. */
/* expect-none */
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

/* every shared bag: its lock, then the registry's */
void bag_add(struct bag *b) {
  pthread_mutex_lock(&b->mu);
  pthread_mutex_lock(&reg.mu);
  b->items++;
  pthread_mutex_unlock(&reg.mu);
  pthread_mutex_unlock(&b->mu);
}

/* a new bag filled under the registry's lock, shared afterwards */
void registry_snapshot(void) {
  struct bag *snap = bag_create();
  if (!snap)
    return;
  pthread_mutex_lock(&reg.mu);
  pthread_mutex_lock(&snap->mu);
  snap->items = reg.current ? reg.current->items : 0;
  pthread_mutex_unlock(&snap->mu);
  pthread_mutex_unlock(&reg.mu);
  bag_share(snap);
}

/* malloc'ed, locked first, then the registry under it */
void registry_fill(void) {
  struct bag *tmp = malloc(sizeof *tmp);
  if (!tmp)
    return;
  pthread_mutex_init(&tmp->mu, NULL);
  pthread_mutex_lock(&tmp->mu);
  pthread_mutex_lock(&reg.mu);
  tmp->items = 0;
  pthread_mutex_unlock(&reg.mu);
  pthread_mutex_unlock(&tmp->mu);
  bag_share(tmp);
}
