/* Near-miss from memcached's item_crawler_thread / item_crawl_hash
 * (crawler.c): the thread calls a helper with the crawler lock held; the
 * helper unlocks it to sleep and takes it back. The helper's lock is not a
 * second lock of a held mutex. */
/* expect-none */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t crawler_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t crawler_cond = PTHREAD_COND_INITIALIZER;
static int run_crawler = 1, crawl_all;

int next_bucket(void);

static void crawl_hash(void) {
  while (next_bucket()) {
    pthread_mutex_unlock(&crawler_lock);
    usleep(100);
    pthread_mutex_lock(&crawler_lock);
  }
}

void *crawler_thread(void *arg) {
  (void)arg;
  pthread_mutex_lock(&crawler_lock);
  while (run_crawler) {
    pthread_cond_wait(&crawler_cond, &crawler_lock);
    if (crawl_all) crawl_hash();
  }
  pthread_mutex_unlock(&crawler_lock);
  return NULL;
}
