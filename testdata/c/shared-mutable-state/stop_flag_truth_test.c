/* A stop flag is tested for truth, not compared with a mode constant:
 * main raises it while the worker runs, so the worker can see it set
 * inside step() although it was clear at the loop test. No constraint. */
#include <pthread.h>

static int stop;
long flushed;

static void flush_all(void) {
  flushed++; // expect: [shared-mutable-state] "while 'main' accesses it"
}

static void step(void) {
  if (stop) flush_all();
}

static void *worker(void *arg) {
  (void)arg;
  while (!stop) step();
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  stop = 1;
  flushed = 0;
  pthread_join(t, NULL);
  return 0;
}
