/* main.c - starts the workers, feeds them jobs, waits. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "queue.h"

static queue jobs;

static void *worker(void *arg) {
  const char *spool = arg;
  job j;
  while (queue_pop(&jobs, &j) == 0) {
    if (spool_write(spool, &j) != 0) fprintf(stderr, "job %d: not written\n", j.id);
  }
  return NULL;
}

int main(int argc, char **argv) {
  const char *spool = argc > 1 ? argv[1] : "/tmp";
  pthread_t t[4];
  queue_init(&jobs);
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, (void *)spool);
  for (int i = 0; i < 100; i++) {
    job j = {.id = i};
    snprintf(j.payload, sizeof j.payload, "result %d\n", i);
    queue_push(&jobs, &j);
  }
  queue_close(&jobs);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  return 0;
}
