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

void queue_close(queue *q) {
  pthread_mutex_lock(&q->mu);
  q->closed = 1;
  pthread_cond_broadcast(&q->not_empty);
  pthread_mutex_unlock(&q->mu);
}
