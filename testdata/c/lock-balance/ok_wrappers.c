/* Near-misses: lock and unlock wrappers, a function that returns holding
 * the lock on every path, and the callers that pair them. */
/* expect-none */
#include <pthread.h>

struct queue {
  pthread_mutex_t mu;
  int len;
};

void queue_lock(struct queue *q) { pthread_mutex_lock(&q->mu); }
void queue_unlock(struct queue *q) { pthread_mutex_unlock(&q->mu); }

static void lock_mutex(pthread_mutex_t *m) {
  if (pthread_mutex_lock(m) != 0) __builtin_trap();
}

/* Returns with q->mu held: the caller unlocks (every path holds it). */
struct queue *queue_acquire(struct queue *q) {
  pthread_mutex_lock(&q->mu);
  return q;
}

int queue_len(struct queue *q) {
  queue_lock(q);
  int n = q->len;
  pthread_mutex_unlock(&q->mu);
  return n;
}

int queue_take(struct queue *q) {
  pthread_mutex_lock(&q->mu);
  if (q->len == 0) {
    queue_unlock(q);
    return -1;
  }
  q->len--;
  queue_unlock(q);
  return 0;
}

void queue_clear(struct queue *q) {
  lock_mutex(&q->mu);
  q->len = 0;
  pthread_mutex_unlock(&q->mu);
}

void queue_add(struct queue *q) {
  struct queue *l = queue_acquire(q);
  l->len++;
  pthread_mutex_unlock(&q->mu);
}
