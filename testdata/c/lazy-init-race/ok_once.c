/* Near-misses: pthread_once and C11 call_once. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>
#include <threads.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static once_flag c11_once = ONCE_FLAG_INIT;
static int *table;
static int *table2;

static void make_table(void) {
  if (!table) table = calloc(64, sizeof *table);
}
static void make_table2(void) { table2 = calloc(64, sizeof *table2); }

int *table_get(void) {
  pthread_once(&once, make_table);
  return table;
}

int *table2_get(void) {
  call_once(&c11_once, make_table2);
  return table2;
}

static void *worker(void *arg) {
  (void)arg;
  table_get();
  table2_get();
  return NULL;
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL);
}
