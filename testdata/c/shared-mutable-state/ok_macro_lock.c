/* Near-misses: a helper that is only called with the cache lock held,
 * the lock taken through a macro; per-thread stats under per-thread locks;
 * refcounts with __sync builtins. */
/* expect-none */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#define LOCK_CACHE() pthread_mutex_lock(&cache_lock)
#define UNLOCK_CACHE() pthread_mutex_unlock(&cache_lock)

typedef struct item {
  struct item *next;
  int refcount;
} item;

typedef struct worker {
  pthread_t tid;
  pthread_mutex_t stats_mu;
  uint64_t gets;
} worker;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static item *head;
static uint64_t total_items;

static void do_link(item *it) { /* cache_lock held */
  it->next = head;
  head = it;
  total_items++;
}

static void link_item(item *it) {
  LOCK_CACHE();
  do_link(it);
  UNLOCK_CACHE();
}

static void release(item *it) {
  if (__sync_sub_and_fetch(&it->refcount, 1) == 0) free(it);
}

static void *worker_main(void *arg) {
  worker *me = arg;
  item *it = calloc(1, sizeof *it);
  it->refcount = 1;
  link_item(it);
  pthread_mutex_lock(&me->stats_mu);
  me->gets++;
  pthread_mutex_unlock(&me->stats_mu);
  release(it);
  return NULL;
}

void start(worker *w, int n) {
  for (int i = 0; i < n; i++) pthread_create(&w[i].tid, NULL, worker_main, &w[i]);
}
