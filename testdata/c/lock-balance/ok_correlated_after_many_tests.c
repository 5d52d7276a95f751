/* Near-miss from memcached's item_crawler_thread (crawler.c): a loop body
 * with many one-off tests, then `if (!mod->needs_lock) unlock; ...;
 * if (mod->needs_lock) unlock;` - the two tests of one condition pick
 * exactly one unlock per path. */
/* expect-none */
#include <pthread.h>
#include <stddef.h>

#define NCLASS 8
static pthread_mutex_t class_locks[NCLASS];

struct module {
  int needs_lock, needs_client;
  void (*eval)(int);
};
struct crawler {
  int flags, remaining, checked;
};
static struct crawler crawlers[NCLASS];
static struct {
  struct module *mod;
  void *client;
} active;

int client_getbuf(void *c);
void *crawl_next(int i);
void *item_trylock(unsigned hv);
void item_trylock_unlock(void *h);

void crawl_once(void) {
  for (int i = 0; i < NCLASS; i++) {
    if (crawlers[i].flags != 1) continue;
    if (active.client != NULL) {
      if (client_getbuf(active.client) != 0) continue;
    } else if (active.mod->needs_client) {
      continue;
    }
    pthread_mutex_lock(&class_locks[i]);
    void *search = crawl_next(i);
    if (search == NULL || (crawlers[i].remaining && --crawlers[i].remaining < 1)) {
      pthread_mutex_unlock(&class_locks[i]);
      continue;
    }
    void *hold = item_trylock((unsigned)i);
    if (hold == NULL) {
      pthread_mutex_unlock(&class_locks[i]);
      continue;
    }
    crawlers[i].checked++;
    if (!active.mod->needs_lock) {
      pthread_mutex_unlock(&class_locks[i]);
    }
    active.mod->eval(i);
    item_trylock_unlock(hold);
    if (active.mod->needs_lock) {
      pthread_mutex_unlock(&class_locks[i]);
    }
  }
}
