/* Near-misses: hand-over-hand locking down a list (parent before child,
 * always), two instances of one struct type that are not parameters. */
/* expect-none */
#include <pthread.h>
#include <stddef.h>

struct node {
  pthread_mutex_t mu;
  struct node *next;
  int v;
};

static struct node head;

int find(int v) {
  struct node *prev = &head, *cur;
  pthread_mutex_lock(&prev->mu);
  while ((cur = prev->next) != NULL) {
    pthread_mutex_lock(&cur->mu);
    pthread_mutex_unlock(&prev->mu);
    if (cur->v == v) {
      pthread_mutex_unlock(&cur->mu);
      return 1;
    }
    prev = cur;
  }
  pthread_mutex_unlock(&prev->mu);
  return 0;
}

/* one parameter only: the struct's own lock, then a global */
static pthread_mutex_t count_mu = PTHREAD_MUTEX_INITIALIZER;
static int count;
void node_count(struct node *n) {
  pthread_mutex_lock(&n->mu);
  pthread_mutex_lock(&count_mu);
  count += n->v;
  pthread_mutex_unlock(&count_mu);
  pthread_mutex_unlock(&n->mu);
}
