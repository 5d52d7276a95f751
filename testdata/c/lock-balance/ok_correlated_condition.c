// expect-none
/* Cause 1: lock and unlock under the same condition on values the
 * function does not change in between. */
#include <pthread.h>

struct interp { int id; };
struct pool { pthread_mutex_t mu; struct interp *head; };

void call_plugin(int level, const char *msg);

void log_msg(struct pool *p, const struct interp *me, int level, const char *msg) {
  if (me == p->head) pthread_mutex_lock(&p->mu);
  call_plugin(level, msg);
  if (me == p->head) pthread_mutex_unlock(&p->mu);
}
