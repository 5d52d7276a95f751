/* A starter that keeps the routine in a struct field and starts a
 * trampoline that calls it (thread_start() stores its parameter into
 * task.fn); a wrapper of it (start_named()) gives its own parameter on.
 * The functions the callers give are what the threads run. */
#include <pthread.h>
#include <stdlib.h>

struct task {
  void (*fn)(void *arg);
  void *arg;
};

static long hits;

static void *trampoline(void *p) {
  struct task *t = p;
  t->fn(t->arg);
  free(t);
  return NULL;
}

static int thread_start(void (*fn)(void *), void *arg) {
  pthread_t th;
  struct task *t = malloc(sizeof *t);
  if (!t) return -1;
  t->fn = fn;
  t->arg = arg;
  return pthread_create(&th, NULL, trampoline, t);
}

static int start_named(const char *name, void (*fn)(void *), void *arg) {
  (void)name;
  return thread_start(fn, arg);
}

static void hit(void *arg) {
  (void)arg;
  hits++; // expect: [shared-mutable-state] "several 'trampoline' threads"
}

int main(void) {
  start_named("a", hit, NULL);
  start_named("b", hit, NULL);
  return 0;
}
