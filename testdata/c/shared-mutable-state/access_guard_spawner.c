/* The thread counts only under PHASE_RUN; the spawning function reads
 * the counter under PHASE_IDLE after starting it. The thread's contexts
 * decide what the thread runs, not what the spawner runs: the spawner's
 * read stays concurrent with the thread's update. */
#include <pthread.h>
#include <stdio.h>

#define PHASE_IDLE 1
#define PHASE_RUN 2

int phase = PHASE_IDLE;
long steps;

static void step(void) {
  if (phase == PHASE_RUN) steps++; // expect: [shared-mutable-state] "'main' accesses it"
}

static void *worker(void *arg) {
  (void)arg;
  for (;;) {
    if (phase == PHASE_RUN) step();
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  if (phase == PHASE_IDLE) printf("%ld\n", steps);
  pthread_join(t, NULL);
  return 0;
}
