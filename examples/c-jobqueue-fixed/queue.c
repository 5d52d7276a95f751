/* queue.c - the job queue: every access to the ring is under q->mu. */
#include "queue.h"

#include <string.h>

void queue_init(queue *q) {
  memset(q, 0, sizeof *q);
  pthread_mutex_init(&q->mu, NULL);
  pthread_cond_init(&q->not_empty, NULL);
  pthread_cond_init(&q->not_full, NULL);
}

/* (Also: waits while the queue is full instead of dropping the job, so
 * all of main()'s jobs run however slow the workers are.) */
int queue_push(queue *q, const job *j) {
  pthread_mutex_lock(&q->mu);
  while (!q->closed && q->len == sizeof q->items / sizeof q->items[0])
    pthread_cond_wait(&q->not_full, &q->mu);
  if (q->closed) {
    pthread_mutex_unlock(&q->mu);
    return -1;
  }
  q->items[(q->head + q->len++) % 64] = *j;
  /* counts the push while still holding q->mu: an atomic increment, no
   * lock (see stats.c) */
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
  pthread_cond_signal(&q->not_full);
  pthread_mutex_unlock(&q->mu);
  return 0;
}

/* Non-blocking pop for the monitor: gives up when the queue is busy. */
int queue_try_pop(queue *q, job *out) {
  if (pthread_mutex_trylock(&q->mu) != 0) return -1;
  if (q->len == 0) {
    /* FIXED: unlocks q->mu on this early return too; every path out of
     * queue_try_pop() that locked it unlocks it. */
    pthread_mutex_unlock(&q->mu);
    return -1;
  }
  *out = q->items[q->head];
  q->head = (q->head + 1) % 64;
  q->len--;
  pthread_cond_signal(&q->not_full);
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
  pthread_cond_broadcast(&q->not_full);
  pthread_mutex_unlock(&q->mu);
}
