/* A project's own thread starter: spawn() gives its routine parameter to
 * pthread_create, so the routines its callers give it are threads; and
 * start_pool(), which gives its parameter on to spawn() in a loop, starts
 * several threads of its routine. */
#include <pthread.h>
#include <stddef.h>

static long requests;
static long jobs_done;
static int mode;

static int spawn(void *(*fn)(void *), void *arg) {
  pthread_t t;
  return pthread_create(&t, NULL, fn, arg);
}

static int start_pool(void *(*body)(void *), int n) {
  for (int i = 0; i < n; i++)
    if (spawn(body, NULL)) return -1;
  return 0;
}

static void *listener(void *arg) {
  (void)arg;
  mode = 1; // expect: [shared-mutable-state] "while thread 'janitor' also accesses it"
  return NULL;
}

static void *janitor(void *arg) {
  (void)arg;
  mode = 2; // expect: [shared-mutable-state] "while thread 'listener' also accesses it"
  requests = 0;
  return NULL;
}

static void *pool_worker(void *arg) {
  (void)arg;
  jobs_done++; // expect: [shared-mutable-state] "several 'pool_worker' threads"
  return NULL;
}

int main(void) {
  spawn(listener, NULL);
  spawn(janitor, NULL);
  start_pool(pool_worker, 4);
  return (int)requests;
}
