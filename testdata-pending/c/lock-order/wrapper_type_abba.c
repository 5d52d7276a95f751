/* Issue 16/18, lock identity, the positive side: two global mutexes of
 * the project's wrapper type, taken through its wrapper function in
 * opposite orders by two threads: a real deadlock, which a lock identity
 * by the global's name (`queue_lock.sys_mutex`, `pool_lock.sys_mutex`)
 * reports and one by type alone (`mutex_t.sys_mutex` twice) cannot. */
#include <pthread.h>

typedef struct { pthread_mutex_t sys_mutex; } mutex_t;

void mutex_take(mutex_t *m) { pthread_mutex_lock(&m->sys_mutex); }
void mutex_give(mutex_t *m) { pthread_mutex_unlock(&m->sys_mutex); }

static mutex_t queue_lock, pool_lock;
static int queued, pooled;

static void *producer(void *arg) {
  mutex_take(&queue_lock);
  mutex_take(&pool_lock); // expect: [lock-order] "pool_lock"
  queued++;
  mutex_give(&pool_lock);
  mutex_give(&queue_lock);
  return arg;
}

static void *recycler(void *arg) {
  mutex_take(&pool_lock);
  mutex_take(&queue_lock); // expect-note: "queue_lock"
  pooled++;
  mutex_give(&queue_lock);
  mutex_give(&pool_lock);
  return arg;
}

void start(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, producer, NULL);
  pthread_create(&b, NULL, recycler, NULL);
}
