/* queue_smoke.c - runs c-jobqueue's queue_try_pop() (examples/c-jobqueue/
 * queue.c) as `racelint --fix --unsafe-fixes` leaves it (lock-balance's
 * unlock before the early return): a try on an empty queue fails and
 * leaves the mutex free, so the next push goes through; a try on a queue
 * with a job pops it and leaves the mutex free too. Prints "empty: -1",
 * "free after empty: 1", "push: 0", "pop: 0 id 7", "free after pop: 1".
 * Built by tests/cli/test_fix_examples.sh against the fixed copy (the
 * original prints "free after empty: 0": the failed try kept the lock).
 * One thread, no timing: whether the mutex is free is asked with
 * pthread_mutex_trylock, which never waits. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "queue.h"

/* Is q->mu free? Takes and gives it back when it is. */
static int is_free(queue *q) {
  if (pthread_mutex_trylock(&q->mu) != 0) return 0;
  pthread_mutex_unlock(&q->mu);
  return 1;
}

int main(void) {
  static queue q;
  job j, out;
  queue_init(&q);
  printf("empty: %d\n", queue_try_pop(&q, &out));
  int free_after_empty = is_free(&q);
  printf("free after empty: %d\n", free_after_empty);
  if (!free_after_empty) return 1; /* queue_push would wait for ever */
  memset(&j, 0, sizeof j);
  j.id = 7;
  printf("push: %d\n", queue_push(&q, &j));
  int rc = queue_try_pop(&q, &out);
  printf("pop: %d id %d\n", rc, out.id);
  printf("free after pop: %d\n", is_free(&q));
  return 0;
}
