/* Near-misses: each thread gets its own element or allocation; writes
 * through it are private. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

struct task {
  int id;
  long sum;
};

static void *run(void *arg) {
  struct task *t = arg;
  for (int i = 0; i < t->id; i++) t->sum += i;
  return NULL;
}

void run_array(void) {
  struct task tasks[4];
  pthread_t th[4];
  for (int i = 0; i < 4; i++) {
    tasks[i].id = i;
    tasks[i].sum = 0;
    pthread_create(&th[i], NULL, run, &tasks[i]);
  }
  for (int i = 0; i < 4; i++) pthread_join(th[i], NULL);
}

void run_malloc(void) {
  pthread_t th[4];
  for (int i = 0; i < 4; i++) {
    struct task *t = malloc(sizeof *t);
    t->id = i;
    t->sum = 0;
    pthread_create(&th[i], NULL, run, t);
  }
}
