/* stats.c - counters the workers update and the monitor prints. */
#include <pthread.h>
#include <stdio.h>

#include "queue.h"

static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static long pushed; /* under stats_mu */
long jobs_done;

/* Called by queue_push() with q->mu held. */
void stats_note_push(void) {
  pthread_mutex_lock(&stats_mu);
  pushed++;
  pthread_mutex_unlock(&stats_mu);
}

void stats_job_done(void) {
  /* BUG: all four workers run this at once; jobs_done++ is a load, an add
   * and a store, so two workers can both read 41 and both write 42. Make it
   * atomic (RlRtCounter, atomic_fetch_add) or take stats_mu. */
  jobs_done++;
}

void stats_dump(queue *q, FILE *out) {
  pthread_mutex_lock(&stats_mu);
  /* BUG: takes stats_mu, then q->mu (queue_len); queue_push() takes q->mu,
   * then stats_mu (stats_note_push). The monitor dumping while main pushes
   * deadlocks both. Read queue_len() before taking stats_mu. */
  fprintf(out, "pushed %ld, queued %zu\n", pushed, queue_len(q));
  pthread_mutex_unlock(&stats_mu);
}
