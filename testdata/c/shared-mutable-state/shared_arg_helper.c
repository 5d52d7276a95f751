/* The context every thread gets is updated in a helper the routine passes
 * it to. */
#include <pthread.h>

struct crawl {
  pthread_mutex_t mu;
  int pages;
  int errors;
};

static void count_page(struct crawl *c, int ok) {
  if (ok) {
    c->pages++; // expect: [shared-mutable-state] "'c->pages'"
  } else {
    pthread_mutex_lock(&c->mu);
    c->errors++;
    pthread_mutex_unlock(&c->mu);
  }
}

static void *crawler(void *arg) {
  struct crawl *c = arg;
  for (int i = 0; i < 10; i++) count_page(c, i % 3);
  return NULL;
}

void crawl_all(void) {
  struct crawl c = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, crawler, &c);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
}
