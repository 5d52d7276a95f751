/* queue.h - a bounded job queue shared by worker threads. */
#ifndef JOBQUEUE_QUEUE_H
#define JOBQUEUE_QUEUE_H

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

typedef struct job {
  int id;
  char payload[128];
} job;

typedef struct queue {
  pthread_mutex_t mu;
  pthread_cond_t not_empty;
  pthread_cond_t not_full;
  job items[64];
  size_t head, len;
  int closed;
} queue;

void queue_init(queue *q);
int queue_push(queue *q, const job *j);
int queue_pop(queue *q, job *out);
int queue_try_pop(queue *q, job *out);
size_t queue_len(queue *q);
void queue_close(queue *q);

/* spool.c */
int spool_write(const char *dir, const job *j);

/* stats.c */
void stats_note_push(void);
void stats_job_done(void);
void stats_dump(queue *q, FILE *out);
long stats_jobs_done(void);

/* log.c */
FILE *job_log(void);

#endif
