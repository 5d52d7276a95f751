// expect-none
/* Every thread that writes the variable stores the same constant: a flag
 * only ever raised (`setup_done = 1`), a constant computed on demand. No
 * write can undo another; a reader sees the old value or that constant. */
#include <pthread.h>
#include <stdbool.h>

#define NOT_A_NUMBER (double)(0.0 / 0.0)
enum phase { PHASE_INIT, PHASE_RUNNING };

static int setup_done;
static bool had_errors;
static enum phase phase;
static double nan_value;

static void note_error(void) { had_errors = true; }

static void *worker(void *arg) {
  (void)arg;
  setup_done = 1;
  phase = PHASE_RUNNING;
  nan_value = NOT_A_NUMBER;
  note_error();
  return NULL;
}

static void *reporter(void *arg) {
  (void)arg;
  setup_done = 1;
  if (had_errors && phase == PHASE_RUNNING) note_error();
  return NULL;
}

int start(int n) {
  pthread_t t;
  for (int i = 0; i < n; i++) pthread_create(&t, NULL, worker, NULL);
  pthread_create(&t, NULL, reporter, NULL);
  return setup_done;
}
