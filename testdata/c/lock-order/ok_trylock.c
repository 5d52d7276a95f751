/* Near-misses: the reverse order uses trylock and backs off, so it never
 * waits while holding the other lock. */
/* expect-none */
#include <pthread.h>
#include <sched.h>

static pthread_mutex_t list_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t item_mu = PTHREAD_MUTEX_INITIALIZER;
static int items;

void add_item(void) {
  pthread_mutex_lock(&list_mu);
  pthread_mutex_lock(&item_mu);
  items++;
  pthread_mutex_unlock(&item_mu);
  pthread_mutex_unlock(&list_mu);
}

void touch_item(void) {
  for (;;) {
    pthread_mutex_lock(&item_mu);
    if (pthread_mutex_trylock(&list_mu) == 0) {
      items--;
      pthread_mutex_unlock(&list_mu);
      pthread_mutex_unlock(&item_mu);
      return;
    }
    pthread_mutex_unlock(&item_mu);
    sched_yield();
  }
}
