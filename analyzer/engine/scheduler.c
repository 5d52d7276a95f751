/* scheduler.c - the phase 1 thread pool (see scheduler.h). The only shared mutable
 * state of a scan is the claim counter and the done counter below. */
#include "scheduler.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct RlSched {
  const RlSession *session;
  uint32_t n;
  RlSchedFn fn;
  RlSchedProgress progress;
  void *ctx;
  atomic_uint next;
  atomic_uint done;
} RlSched;

static void *rl_sched__thread(void *arg) {
  RlSched *s = arg;
  RlWorker *w = rl_worker_new(s->session);
  for (;;) {
    unsigned i = atomic_fetch_add(&s->next, 1);
    if (i >= s->n) break;
    s->fn(w, i, s->ctx);
    unsigned d = atomic_fetch_add(&s->done, 1) + 1;
    if (s->progress) s->progress(d, s->n, s->ctx);
  }
  rl_worker_delete(w);
  return NULL;
}

void rl_scheduler_run(const RlSession *session, uint32_t jobs, uint32_t n, RlSchedFn fn,
                  RlSchedProgress progress, void *ctx) {
  RlSched s = {session, n, fn, progress, ctx, 0, 0};
  if (jobs > n) jobs = n ? n : 1;
  if (jobs <= 1) {
    rl_sched__thread(&s);
    return;
  }
  pthread_t *t = rl_calloc(jobs, sizeof *t);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  /* libclang and deep trees want room; 8 MiB like the main thread. */
  pthread_attr_setstacksize(&attr, 8u << 20);
  uint32_t started = 0;
  for (uint32_t i = 0; i < jobs; i++) {
    if (pthread_create(&t[i], &attr, rl_sched__thread, &s) != 0) break;
    started++;
  }
  pthread_attr_destroy(&attr);
  if (started == 0) rl_sched__thread(&s); /* no threads: do it here */
  for (uint32_t i = 0; i < started; i++) pthread_join(t[i], NULL);
  free(t);
}

uint32_t rl_scheduler_cpus(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (uint32_t)n : 1;
}
