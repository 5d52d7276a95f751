/* A header of the build that this run cannot find (no -I): clang drops a
 * statement that names what it cannot find, so `return QUEUE_GONE;`
 * leaves no node at all. Read as missing, "unlock; return" became
 * "unlock, go on" and met the unlock after it (issue 16); the return
 * still ends the path, and a lock it keeps is still reported (here at the
 * block that held the dropped return). */
#include <pthread.h>
#include "rl_testdata_absent/queue.h"

struct q {
  pthread_mutex_t mu;
  int flags, len;
};

void q_put(int v);

int q_push(struct q *q, int v, int do_lock) {
  if (do_lock) pthread_mutex_lock(&q->mu);
  if (!(q->flags & 1)) {
    if (do_lock) pthread_mutex_unlock(&q->mu);
    return QUEUE_GONE;
  }
  q_put(v);
  if (do_lock) pthread_mutex_unlock(&q->mu);
  return 1;
}

int q_push_full(struct q *q, int v) {
  pthread_mutex_lock(&q->mu); // expect-note: "locked here"
  if (q->len > 64) { // expect: [lock-balance] "this return leaves 'q->mu' locked"
    return QUEUE_FULL;
  }
  q_put(v);
  pthread_mutex_unlock(&q->mu);
  return 0;
}
