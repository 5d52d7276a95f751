/* Cross-file side of wrapper_type_abba.c: the wrapper functions live in
 * thread.c, as in projects with a thread library of their own. A real
 * AB/BA between two global mutex_t locks taken through them. */
#include "thread.h"
static mutex_t queue_lock, pool_lock;
static int queued, pooled;
static void *producer(void *arg) {
  thread_mutex_lock(&queue_lock);
  thread_mutex_lock(&pool_lock); // expect: [lock-order] "pool_lock"
  queued++;
  thread_mutex_unlock(&pool_lock);
  thread_mutex_unlock(&queue_lock);
  return arg;
}
static void *recycler(void *arg) {
  thread_mutex_lock(&pool_lock);
  thread_mutex_lock(&queue_lock); // expect-note: "queue_lock"
  pooled++;
  thread_mutex_unlock(&queue_lock);
  thread_mutex_unlock(&pool_lock);
  return arg;
}
void start(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, producer, NULL);
  pthread_create(&b, NULL, recycler, NULL);
}
