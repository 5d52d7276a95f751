/* Near-misses: calls that run only in a mode the thread never sees. The
 * worker runs only while `phase == PHASE_RUN` (macros, not an enum); the
 * statistics run in `if (phase == PHASE_IDLE)`, in the else branch of
 * `phase != PHASE_IDLE`, and after `if (phase != PHASE_IDLE) return;`.
 * Only main writes phase. */
/* expect-none */
#include <pthread.h>

#define PHASE_IDLE 1
#define PHASE_RUN 2

int phase = PHASE_IDLE;
long samples, flushes, resets;

static void sample(void) { samples++; }
static void flush(void) { flushes++; }
static void reset(void) { resets = 0; }

static void after_step(void) {
  if (phase == PHASE_IDLE) sample();
  if (phase != PHASE_IDLE) {
    return;
  } else {
    flush();
  }
}

static void finish(void) {
  if (phase != PHASE_IDLE) return;
  reset();
}

static void *worker(void *arg) {
  (void)arg;
  for (;;) {
    if (phase != PHASE_RUN) continue;
    after_step();
    finish();
  }
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, NULL);
  phase = PHASE_RUN;
  phase = PHASE_IDLE;
  after_step();
  finish();
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  return 0;
}
