/* log_smoke.c - runs c-jobqueue's job_log() (examples/c-jobqueue/log.c) as
 * `racelint --fix --unsafe-fixes` leaves it (lazy-init-race's pthread_once
 * fix): eight threads released together by a barrier each ask for the log;
 * all must get the same FILE, and not stderr (the open worked). Prints
 * "same: 1" and "opened: 1". Built by tests/cli/test_fix_examples.sh
 * against the fixed copy. No timing: the barrier only makes the calls
 * overlap often; the check holds for any interleaving only when the
 * initialisation runs once. */
#include <pthread.h>
#include <stdio.h>

#include "queue.h"

enum { NTHREADS = 8 };

static pthread_barrier_t start;

static void *ask(void *out) {
  pthread_barrier_wait(&start);
  *(FILE **)out = job_log();
  return NULL;
}

int main(void) {
  pthread_t t[NTHREADS];
  FILE *got[NTHREADS];
  pthread_barrier_init(&start, NULL, NTHREADS);
  for (int i = 0; i < NTHREADS; i++) pthread_create(&t[i], NULL, ask, &got[i]);
  for (int i = 0; i < NTHREADS; i++) pthread_join(t[i], NULL);
  int same = 1;
  for (int i = 1; i < NTHREADS; i++) same &= got[i] == got[0];
  printf("same: %d\nopened: %d\n", same, got[0] != NULL && got[0] != stderr);
  return 0;
}
