/* The intermediate function changes the parameter before passing it on:
 * the constant its caller passed says nothing about the helper's test.
 * Passed on unchanged from a caller that got a variable, nothing is known
 * either. */
#include <pthread.h>

enum mode { MODE_FOREGROUND, MODE_BACKGROUND };

long foreground_runs, syncs;
int force;

static void run_foreground(void) {
  foreground_runs++; // expect: [shared-mutable-state] "several 'worker' threads"
}

static void sync_now(void) {
  syncs++; // expect: [shared-mutable-state] "several 'worker' threads"
}

static void step(enum mode m) {
  if (m == MODE_FOREGROUND) run_foreground();
}

static void process(enum mode m) {
  if (force) m = MODE_FOREGROUND;
  step(m);
}

static void flush(int async) {
  if (!async) sync_now();
}

static void pass_on(int async) { flush(async); }

static void *worker(void *arg) {
  int *async = arg;
  for (;;) {
    process(MODE_BACKGROUND);
    pass_on(*async);
  }
  return NULL;
}

int main(void) {
  pthread_t t[4];
  int async = 1;
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, &async);
  return 0;
}
