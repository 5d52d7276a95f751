/* expect-none */
#include <pthread.h>
#include <stdlib.h>

typedef pthread_mutex_t uv_mutex_t;
typedef pthread_cond_t uv_cond_t;
void uv_mutex_lock(uv_mutex_t *mutex);
void uv_mutex_unlock(uv_mutex_t *mutex);
void uv_cond_wait(uv_cond_t *cond, uv_mutex_t *mutex);

struct work {
  struct work *next;
  void (*run)(struct work *w);
};
static uv_mutex_t mutex;
static uv_cond_t cond;
static unsigned idle_threads;
static struct work *wq;

static void *worker(void *arg) {
  (void)arg;
  uv_mutex_lock(&mutex);
  for (;;) {
    while (wq == NULL) {
      idle_threads += 1;
      uv_cond_wait(&cond, &mutex);
      idle_threads -= 1;
    }
    struct work *w = wq;
    wq = w->next;
    uv_mutex_unlock(&mutex);
    w->run(w);
    uv_mutex_lock(&mutex);
  }
  return NULL;
}

void pool_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL);
}
