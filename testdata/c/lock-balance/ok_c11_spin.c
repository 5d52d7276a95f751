/* Near-misses: C11 mtx and spinlocks balanced on every path, and two
 * different instances of one struct type locked one after the other. */
/* expect-none */
#include <pthread.h>
#include <threads.h>

struct node {
  mtx_t mu;
  int v;
};

static pthread_spinlock_t sl;
static int ticks;

int node_set(struct node *n, int v) {
  if (mtx_lock(&n->mu) != thrd_success)
    return -1;
  if (v < 0) {
    mtx_unlock(&n->mu);
    return -1;
  }
  n->v = v;
  mtx_unlock(&n->mu);
  return 0;
}

void node_copy(struct node *dst, struct node *src) {
  mtx_lock(&src->mu);
  int v = src->v;
  mtx_unlock(&src->mu);
  mtx_lock(&dst->mu);
  dst->v = v;
  mtx_unlock(&dst->mu);
}

void tick(void) {
  pthread_spin_lock(&sl);
  ticks++;
  pthread_spin_unlock(&sl);
}
