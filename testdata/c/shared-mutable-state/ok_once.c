/* Near-misses: initialisation through pthread_once; a single thread's
 * private global that nobody else touches. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int *table;
static int logger_lines;

static void init_table(void) { table = calloc(256, sizeof *table); }

static void *worker(void *arg) {
  (void)arg;
  pthread_once(&once, init_table);
  return NULL;
}

static void *logger(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; i++) logger_lines++;
  return NULL;
}

void start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, worker, NULL);
  pthread_t lg;
  pthread_create(&lg, NULL, logger, NULL);
  pthread_join(lg, NULL);
}
