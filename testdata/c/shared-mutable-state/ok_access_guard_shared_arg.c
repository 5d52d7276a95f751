/* Near-miss: every crawler thread gets the same context and passes it to
 * a helper with ok = 0; the helper counts pages in the context only when
 * ok is set, and counts errors under the context's lock. */
/* expect-none */
#include <pthread.h>

struct crawl {
  pthread_mutex_t mu;
  int pages;
  int errors;
};

static void count_page(struct crawl *c, int ok) {
  if (ok) {
    c->pages++;
  } else {
    pthread_mutex_lock(&c->mu);
    c->errors++;
    pthread_mutex_unlock(&c->mu);
  }
}

static void *crawler(void *arg) {
  struct crawl *c = arg;
  for (int i = 0; i < 10; i++) count_page(c, 0);
  return NULL;
}

void crawl_all(void) {
  struct crawl c = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, crawler, &c);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
}
