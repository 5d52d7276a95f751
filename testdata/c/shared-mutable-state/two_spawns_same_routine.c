/* The same routine started by two plain pthread_create calls (no loop):
 * the finding stands, and its message must not claim a loop. */
#include <pthread.h>
#include <stdio.h>

static long hits;

static void *worker(void *arg) {
  (void)arg;
  hits++; // expect: [shared-mutable-state] "several 'worker' threads run this at once (started more than once, first at line 16)"
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, worker, NULL);
  pthread_create(&b, NULL, worker, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld\n", hits);
  return 0;
}
