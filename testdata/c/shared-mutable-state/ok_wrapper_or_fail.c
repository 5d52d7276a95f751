/* Near-misses: a lock wrapper that checks its mutex first and returns -1
 * without locking when it is not set up (the caller ignores the result,
 * as it would for pthread_mutex_lock), and an argument-less wrapper of it
 * around a log. Every write below runs under the wrapped mutex, directly
 * or in a helper whose only caller holds it. */
/* expect-none */
#include <pthread.h>
#include <stdio.h>

typedef struct {
  pthread_mutex_t *mu;
  int ready;
} guarded_mutex;

int gm_lock(guarded_mutex *g) {
  if (!g || !g->ready) {
    fputs("lock before init\n", stderr);
    return -1;
  }
  return pthread_mutex_lock(g->mu);
}

int gm_unlock(guarded_mutex *g) {
  if (!g || !g->ready) return -1;
  return pthread_mutex_unlock(g->mu);
}

static guarded_mutex journal_mu;
static FILE *journal;
static unsigned long journal_lines;

static void journal_lock(void) { gm_lock(&journal_mu); }
static void journal_unlock(void) { (void)gm_unlock(&journal_mu); }

static void journal_reopen(void) { /* its only caller holds journal_mu */
  if (journal) fclose(journal);
  journal = fopen("journal.txt", "a");
}

static void *writer(void *arg) {
  (void)arg;
  for (int i = 0; i < 8; i++) {
    journal_lock();
    if (++journal_lines % 1000 == 0) journal_reopen();
    journal_unlock();
  }
  return NULL;
}

void journal_start(pthread_t *t, int n) {
  for (int i = 0; i < n; i++) pthread_create(&t[i], NULL, writer, NULL);
}
