// expect-none
/* Cause 1: the lock state is carried in a flag variable; the cleanup
 * label unlocks only when the flag says the lock is held. */
#include <pthread.h>
#include <stdlib.h>

struct counters {
  pthread_mutex_t mu;
  long n;
};

int report(struct counters *c, char **out) {
  int locked = 0, rc = -1;
  char *buf = malloc(64);
  if (!buf) goto done;
  pthread_mutex_lock(&c->mu);
  locked = 1;
  if (c->n < 0) goto done;
  pthread_mutex_unlock(&c->mu);
  locked = 0;
  *out = buf;
  buf = NULL;
  rc = 0;
done:
  if (locked) pthread_mutex_unlock(&c->mu);
  free(buf);
  return rc;
}

/* need_unlock cleared on the branch that unlocks early */
static pthread_mutex_t child_mu = PTHREAD_MUTEX_INITIALIZER;
static int child_died;
void reap(void);
void poll_children(void) {
  int need_unlock;
  pthread_mutex_lock(&child_mu);
  need_unlock = 1;
  if (child_died) {
    child_died = 0;
    pthread_mutex_unlock(&child_mu);
    need_unlock = 0;
    reap();
  }
  if (need_unlock) pthread_mutex_unlock(&child_mu);
}
