/* Near-misses: wrappers that unlock a lock derived from their argument
 * (an array element indexed by it, a field of the object it points to)
 * are matched with the caller's direct lock of the same instance, spelled
 * with the caller's argument. */
/* expect-none */
#include <pthread.h>
#include <stddef.h>

#define NSHARD 8

static pthread_mutex_t shard_locks[NSHARD];
static int shard_len[NSHARD];

static void shard_done(int i) {
  shard_len[i] = 0;
  pthread_mutex_unlock(&shard_locks[i]);
}

static void shard_take(int i) { pthread_mutex_lock(&shard_locks[i]); }

/* lock directly, unlock through the wrapper on one path */
int shard_pop(int s) {
  pthread_mutex_lock(&shard_locks[s]);
  if (shard_len[s] == 0) {
    shard_done(s);
    return -1;
  }
  shard_len[s]--;
  pthread_mutex_unlock(&shard_locks[s]);
  return 0;
}

/* lock through the wrapper, unlock directly, in a loop */
void shard_clear_all(void) {
  for (int k = 0; k < NSHARD; k++) {
    shard_take(k);
    if (shard_len[k] == 0) {
      pthread_mutex_unlock(&shard_locks[k]);
      continue;
    }
    shard_done(k);
  }
}

/* an expression as the argument: the same element as the direct lock */
void shard_next(int s) {
  pthread_mutex_lock(&shard_locks[(s + 1) % NSHARD]);
  if (shard_len[(s + 1) % NSHARD] > 0) {
    shard_done((s + 1) % NSHARD);
    return;
  }
  pthread_mutex_unlock(&shard_locks[(s + 1) % NSHARD]);
}

struct job {
  pthread_mutex_t mu;
  int state;
  struct job_stats {
    pthread_mutex_t mu;
    int n;
  } stats;
  struct job *next;
};

static void job_unlock(struct job *q) { pthread_mutex_unlock(&q->mu); }
static void job_stats_unlock(struct job *q) { pthread_mutex_unlock(&q->stats.mu); }

/* the pointer form: job_unlock(job) releases job->mu */
int job_step(struct job *job) {
  pthread_mutex_lock(&job->mu);
  if (job->state < 0) {
    job_unlock(job);
    return -1;
  }
  job->state++;
  pthread_mutex_unlock(&job->mu);
  return 0;
}

/* a list walk: every job's lock, released by the wrapper on one path */
void jobs_run(struct job *head) {
  for (struct job *job = head; job; job = job->next) {
    pthread_mutex_lock(&job->mu);
    if (job->state < 0) {
      job_unlock(job);
      continue;
    }
    job->state++;
    pthread_mutex_unlock(&job->mu);
  }
}

/* a nested field: job_stats_unlock(job) releases job->stats.mu */
void job_count(struct job *job) {
  pthread_mutex_lock(&job->stats.mu);
  if (job->stats.n > 100) {
    job_stats_unlock(job);
    return;
  }
  job->stats.n++;
  pthread_mutex_unlock(&job->stats.mu);
}
