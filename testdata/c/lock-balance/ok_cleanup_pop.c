/* Near-miss: the mutex is released by the cleanup handler that
 * pthread_cleanup_pop(1) runs (a handler of this file that unlocks its
 * argument), so the next pass of the loop locks a free mutex. */
/* expect-none */
#include <pthread.h>

struct work_queue {
  pthread_mutex_t lock;
  pthread_cond_t ready;
  int pending;
};

static void unlock_on_cancel(void *mutex) { pthread_mutex_unlock(mutex); }

void *queue_worker(void *arg) {
  struct work_queue *q = arg;
  for (;;) {
    pthread_mutex_lock(&q->lock);
    pthread_cleanup_push(unlock_on_cancel, &q->lock);
    while (!q->pending) pthread_cond_wait(&q->ready, &q->lock);
    q->pending--;
    pthread_cleanup_pop(1);
  }
  return NULL;
}
