/* A thread sets a plain flag that main polls while the thread runs. */
#include <pthread.h>
#include <unistd.h>

static int done;
static int result;

static void *compute(void *arg) {
  (void)arg;
  result = 42;
  done = 1; // expect: [shared-mutable-state] "while 'main' accesses it at line 18"
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, compute, NULL);
  while (!done) usleep(1000);
  pthread_join(t, NULL);
  return result;
}
