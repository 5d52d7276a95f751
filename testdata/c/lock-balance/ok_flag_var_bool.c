// expect-none
/* Cause 1: a bool set where the lock is taken on one branch only, tested
 * after code that does not touch it; and a flag set from a condition on
 * each branch of a loop. */
#include <pthread.h>
#include <stdbool.h>

struct table {
  pthread_mutex_t mu;
  int shared;
  int rows;
};
void render(struct table *t);

void show(struct table *t) {
  bool have_lock = false;
  if (t->shared) {
    pthread_mutex_lock(&t->mu);
    have_lock = true;
  }
  render(t);
  if (!have_lock) return;
  t->rows++;
  pthread_mutex_unlock(&t->mu);
}

void show_all(struct table *ts, int n) {
  for (int i = 0; i < n; i++) {
    int held = 0;
    if (ts[i].shared) {
      pthread_mutex_lock(&ts[i].mu);
      held = 1;
    }
    render(&ts[i]);
    if (held != 0) pthread_mutex_unlock(&ts[i].mu);
  }
}
