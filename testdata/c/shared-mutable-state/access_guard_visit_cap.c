/* The thread calls the helper with eight different levels, more contexts
 * than one function is visited with: its last visit knows nothing, so
 * the update under `level == 9`, a level never passed, stays thread code
 * (a conservative limit). */
#include <pthread.h>

long debug_lines;

static void log_at(int level) {
  if (level == 9) debug_lines++; // expect: [shared-mutable-state] "several 'worker' threads"
}

static void *worker(void *arg) {
  (void)arg;
  for (;;) {
    log_at(1);
    log_at(2);
    log_at(3);
    log_at(4);
    log_at(5);
    log_at(6);
    log_at(7);
    log_at(8);
  }
  return NULL;
}

void start(pthread_t *t) {
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, NULL);
}
