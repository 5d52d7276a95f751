/* queue.c - the job queue: every access to the ring is under q->mu. */
#include "queue.h"

#include <string.h>

void queue_init(queue *q) {
  memset(q, 0, sizeof *q);
  pthread_mutex_init(&q->mu, NULL);
  pthread_cond_init(&q->not_empty, NULL);
}

int queue_push(queue *q, const job *j) {
  pthread_mutex_lock(&q->mu);
  if (q->closed || q->len == sizeof q->items / sizeof q->items[0]) {
    pthread_mutex_unlock(&q->mu);
    return -1;
  }
  q->items[(q->head + q->len++) % 64] = *j;
  /* counts the push while still holding q->mu: takes stats_mu (see the
   * lock-order BUG in stats.c) */
  stats_note_push();
  pthread_cond_signal(&q->not_empty);
  pthread_mutex_unlock(&q->mu);
  return 0;
}

int queue_pop(queue *q, job *out) {
  pthread_mutex_lock(&q->mu);
  while (q->len == 0 && !q->closed) pthread_cond_wait(&q->not_empty, &q->mu);
  if (q->len == 0) {
    pthread_mutex_unlock(&q->mu);
    return -1;
  }
  *out = q->items[q->head];
  q->head = (q->head + 1) % 64;
  q->len--;
  pthread_mutex_unlock(&q->mu);
  return 0;
}

/* Non-blocking pop for the monitor: gives up when the queue is busy. */
int queue_try_pop(queue *q, job *out) {
  if (pthread_mutex_trylock(&q->mu) != 0) return -1;
  if (q->len == 0)
    /* BUG: returns with q->mu still locked; the next queue_push() or
     * queue_pop() blocks forever. Unlock before returning (or use one
     * exit label that unlocks). */
    return -1;
  *out = q->items[q->head];
  q->head = (q->head + 1) % 64;
  q->len--;
  pthread_mutex_unlock(&q->mu);
  return 0;
}

size_t queue_len(queue *q) {
  pthread_mutex_lock(&q->mu);
  size_t n = q->len;
  pthread_mutex_unlock(&q->mu);
  return n;
}

void queue_close(queue *q) {
  pthread_mutex_lock(&q->mu);
  q->closed = 1;
  pthread_cond_broadcast(&q->not_empty);
  pthread_mutex_unlock(&q->mu);
}
