/* stats.c - counters the workers update and the monitor prints. */
#include <stdio.h>

#include "racelint/rt.h"
#include "queue.h"

/* FIXED: both counters are RlRtCounter atomics, so stats_mu is gone. */
static RlRtCounter pushed = RL_RT_COUNTER_INIT(0);
static RlRtCounter jobs_done = RL_RT_COUNTER_INIT(0);

/* Called by queue_push() with q->mu held: takes no lock. */
void stats_note_push(void) { rl_rt_counter_inc(&pushed); }

void stats_job_done(void) {
  /* FIXED: one atomic increment (RlRtCounter): concurrent workers cannot
   * lose each other's updates. */
  rl_rt_counter_inc(&jobs_done);
}

long stats_jobs_done(void) { return (long)rl_rt_counter_get(&jobs_done); }

void stats_dump(queue *q, FILE *out) {
  /* FIXED: no lock is held while queue_len() takes q->mu (pushed is read
   * atomically), so there is no stats_mu -> q->mu order left to invert
   * against queue_push()'s q->mu -> stats. */
  size_t queued = queue_len(q);
  fprintf(out, "pushed %ld, queued %zu\n", (long)rl_rt_counter_get(&pushed), queued);
}
