/* A queue whose locking depends on the configuration header. */
#include "proj-config.h"
#include "shared-defs.h"
#ifdef PROJ_HAVE_SYS_TYPES_H
#include <sys/types.h>
typedef ssize_t q_len_t;
#endif
#ifdef PROJ_HAVE_PTHREADS
#include <pthread.h>
#define Q_LOCK(q) pthread_mutex_lock(&(q)->mu)
#define Q_UNLOCK(q) pthread_mutex_unlock(&(q)->mu)
struct queue { pthread_mutex_t mu; int items[Q_CAP]; q_len_t n; };
#else
#define Q_LOCK(q) ((void)0)
#define Q_UNLOCK(q) ((void)0)
struct queue { int items[Q_CAP]; q_len_t n; };
#endif

int q_push(struct queue *q, int v) {
  Q_LOCK(q);
  if (q->n == Q_CAP) return -1; /* returns holding the lock */
  q->items[q->n++] = v;
  Q_UNLOCK(q);
  return 0;
}

int q_len(struct queue *q) {
  Q_LOCK(q);
  int n = (int)q->n;
  Q_UNLOCK(q);
  return n;
}
