/* Near-miss of a starter that runs several times: thread_start() keeps
 * the routine in a struct field for its trampoline, but the program calls
 * it once, so one thread runs log_rotate() and nothing else writes
 * rotations: no race. */
/* expect-none */
#include <pthread.h>
#include <stdlib.h>

struct task {
  void (*fn)(void *arg);
  void *arg;
};

static long rotations;

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

static void log_rotate(void *arg) {
  (void)arg;
  rotations++;
}

int main(void) { return thread_start(log_rotate, NULL); }
