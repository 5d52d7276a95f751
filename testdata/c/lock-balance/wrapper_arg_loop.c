/* memcached's crawler (crawler.c, item_crawler_thread) in miniature: a
 * loop over the classes whose wrapper class_done(i) unlocks
 * class_locks[i] through its argument. The two early paths call it before
 * class_locks[i] is taken (a real bug: the iteration does not hold it -
 * the lock further down would deadlock if it did); the call after
 * pthread_mutex_lock(&class_locks[i]) is the same lock instance and
 * balanced, as are the two unlocks under one tested-twice condition on the
 * later passes of the loop. */
#include <pthread.h>
#include <stddef.h>

#define NCLASS 16

static pthread_mutex_t class_locks[NCLASS];
static pthread_mutex_t crawler_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
  int active, remaining, checked;
} crawlers[NCLASS];
static int crawler_count, needs_client;
static void *client;
static struct {
  int needs_lock;
} *mod;

int client_getbuf(void *c);
void *crawl_next(int i);
void eval_item(void *it, int i);
void *item_trylock(unsigned hv);
void item_trylock_unlock(void *h);
void client_flush(void *c);

static void class_done(int i) {
  crawlers[i].active = 0;
  crawler_count--;
  pthread_mutex_unlock(&class_locks[i]);
}

void *crawler_thread(void *arg) {
  int i;
  (void)arg;
  pthread_mutex_lock(&crawler_lock);
  while (crawler_count) {
    for (i = 1; i < NCLASS; i++) {
      if (crawlers[i].active != 1) continue;
      if (client != NULL) {
        if (client_getbuf(client) != 0) {
          class_done(i); // expect: [lock-balance] "'class_locks[i]' is unlocked here"
          continue;
        }
      } else if (needs_client) {
        class_done(i); // expect: [lock-balance] "'class_locks[i]' is unlocked here"
        continue;
      }
      pthread_mutex_lock(&class_locks[i]);
      void *it = crawl_next(i);
      if (it == NULL || (crawlers[i].remaining && --crawlers[i].remaining < 1)) {
        class_done(i);
        continue;
      }
      void *hold = item_trylock((unsigned)i);
      if (hold == NULL) {
        pthread_mutex_unlock(&class_locks[i]);
        continue;
      }
      crawlers[i].checked++;
      if (!mod->needs_lock) {
        pthread_mutex_unlock(&class_locks[i]);
      }
      eval_item(it, i);
      item_trylock_unlock(hold);
      if (mod->needs_lock) {
        pthread_mutex_unlock(&class_locks[i]);
      }
    }
  }
  if (client != NULL) client_flush(client);
  pthread_mutex_unlock(&crawler_lock);
  return NULL;
}
