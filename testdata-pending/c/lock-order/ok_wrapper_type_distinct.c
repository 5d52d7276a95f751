/* Issue 16, lock identity: two distinct mutexes and two distinct rwlocks,
 * each embedded in the project's own wrapper type (`mutex_t` holding a
 * pthread mutex) and taken through its wrapper functions. One thread
 * holds the relay mutex and takes the first source's rwlock; the other
 * holds the second source's rwlock and takes the stats mutex. No lock is
 * taken in both orders: no deadlock. Read by type alone (every mutex_t
 * one lock, every rwlock_t one lock), the two orders form a cycle. */
// expect-none
#include <pthread.h>

typedef struct { pthread_mutex_t sys_mutex; } mutex_t;
typedef struct { pthread_rwlock_t sys_rwlock; } rwlock_t;

void mutex_take(mutex_t *m) { pthread_mutex_lock(&m->sys_mutex); }
void mutex_give(mutex_t *m) { pthread_mutex_unlock(&m->sys_mutex); }
void rw_read(rwlock_t *l) { pthread_rwlock_rdlock(&l->sys_rwlock); }
void rw_write(rwlock_t *l) { pthread_rwlock_wrlock(&l->sys_rwlock); }
void rw_done(rwlock_t *l) { pthread_rwlock_unlock(&l->sys_rwlock); }

static mutex_t relay_lock, stats_lock;
static rwlock_t source_a, source_b;
static int relays, hits;

static void *relay_thread(void *arg) {
  mutex_take(&relay_lock);
  rw_read(&source_a);
  relays++;
  rw_done(&source_a);
  mutex_give(&relay_lock);
  return arg;
}

static void *source_thread(void *arg) {
  rw_write(&source_b);
  mutex_take(&stats_lock);
  hits++;
  mutex_give(&stats_lock);
  rw_done(&source_b);
  return arg;
}

void start(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, relay_thread, NULL);
  pthread_create(&b, NULL, source_thread, NULL);
}
