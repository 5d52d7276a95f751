/* Near-misses: double-checked locking done right, with atomics. */
/* expect-none */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

struct obj {
  int v;
};
static _Atomic(struct obj *) inst;
static struct obj *plain;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

struct obj *get(void) {
  struct obj *o = atomic_load_explicit(&inst, memory_order_acquire);
  if (!o) {
    pthread_mutex_lock(&mu);
    o = atomic_load_explicit(&inst, memory_order_relaxed);
    if (!o) {
      o = malloc(sizeof *o);
      atomic_store_explicit(&inst, o, memory_order_release);
    }
    pthread_mutex_unlock(&mu);
  }
  return o;
}

struct obj *get_plain(void) {
  struct obj *o = __atomic_load_n(&plain, __ATOMIC_ACQUIRE);
  if (!o) {
    pthread_mutex_lock(&mu);
    if (!__atomic_load_n(&plain, __ATOMIC_RELAXED)) {
      o = malloc(sizeof *o);
      __atomic_store_n(&plain, o, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&mu);
  }
  return o;
}
