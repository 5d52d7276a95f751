/* main.c - starts the workers and a monitor, feeds them jobs, waits. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "queue.h"

static queue jobs;

static void *worker(void *arg) {
  const char *spool = arg;
  job j;
  while (queue_pop(&jobs, &j) == 0) {
    if (spool_write(spool, &j) != 0) fprintf(stderr, "job %d: not written\n", j.id);
    stats_job_done();
    fprintf(job_log(), "job %d done\n", j.id);
  }
  return NULL;
}

static void *monitor(void *arg) {
  (void)arg;
  for (int i = 0; i < 5; i++) {
    stats_dump(&jobs, stderr);
    usleep(1000);
  }
  return NULL;
}

int main(int argc, char **argv) {
  const char *spool = argc > 1 ? argv[1] : "/tmp";
  pthread_t t[4], mon;
  queue_init(&jobs);
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, (void *)spool);
  pthread_create(&mon, NULL, monitor, NULL);
  for (int i = 0; i < 100; i++) {
    job j = {.id = i};
    snprintf(j.payload, sizeof j.payload, "result %d\n", i);
    queue_push(&jobs, &j);
  }
  queue_close(&jobs);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  pthread_join(mon, NULL);
  job left;
  if (queue_try_pop(&jobs, &left) == 0) fprintf(stderr, "job %d left over\n", left.id);
  printf("%ld jobs done\n", stats_jobs_done());
  return 0;
}
