/* Near-misses: a trylock's result kept in a variable and tested later.
 * The lock is held only where the variable says the call succeeded; an
 * assignment to the variable ends the link (a later test of the new value
 * decides nothing about the lock). */
/* expect-none */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#define TRY_GRAB(x) pthread_mutex_trylock(x)
#define DROP(x) pthread_mutex_unlock(x)

struct queue {
  pthread_mutex_t mu;
  int depth;
  char tag[16];
};
struct index {
  pthread_rwlock_t rw;
  int entries;
};
void report(const char *what, int v);
int put_field(const char *k, const char *v);
int put_number(const char *k, int v);

/* failure jumps to a label that tests the variable again */
void queue_report(struct queue *q) {
  int ret = -1;
  if (!q)
    return;
  ret = TRY_GRAB(&q->mu);
  if (ret)
    goto done;
  report("depth", q->depth);
  DROP(&q->mu);
  ret = 0;
done:
  if (ret)
    report("busy", 0);
}

/* a read trylock, `!= 0` at the label */
void index_report(struct index *ix) {
  int ret = -1;
  if (!ix)
    return;
  ret = pthread_rwlock_tryrdlock(&ix->rw);
  if (ret)
    goto done;
  report("entries", ix->entries);
  pthread_rwlock_unlock(&ix->rw);
done:
  if (ret != 0)
    report("busy", 0);
}

/* copy under the lock, then the variable is reused for other results */
int queue_export(struct queue *q) {
  int ret;
  struct queue copy;
  ret = TRY_GRAB(&q->mu);
  if (ret)
    return ret;
  memcpy(&copy, q, sizeof copy);
  DROP(&q->mu);
  ret = put_field("tag", copy.tag);
  if (ret)
    return ret;
  ret = put_number("depth", copy.depth);
  if (ret)
    return ret;
  return 0;
}

/* the reused variable sends its failures to the unlocking label */
void queue_fields(struct queue *q) {
  int ret = TRY_GRAB(&q->mu);
  if (ret)
    return;
  ret = put_field("tag", q->tag);
  if (ret)
    goto out;
  ret = put_number("depth", q->depth);
  if (ret)
    goto out;
out:
  DROP(&q->mu);
}

/* `!ret`, and the same test twice */
int queue_bump(struct queue *q) {
  int ret = TRY_GRAB(&q->mu);
  if (!ret)
    q->depth++;
  report("tried", ret);
  if (ret == 0)
    DROP(&q->mu);
  return ret;
}

/* compared with EBUSY */
int queue_poll(struct queue *q) {
  int ret = TRY_GRAB(&q->mu);
  if (ret == EBUSY)
    return 0;
  q->depth--;
  DROP(&q->mu);
  return 1;
}

/* assigned inside the condition, tested again at the end */
int queue_drain(struct queue *q) {
  int ret;
  if ((ret = TRY_GRAB(&q->mu)) != 0)
    goto out;
  q->depth = 0;
out:
  if (!ret)
    DROP(&q->mu);
  return ret;
}

/* a trylock of a lock the path holds fails: no double lock */
void queue_nested(struct queue *q) {
  pthread_mutex_lock(&q->mu);
  int again = TRY_GRAB(&q->mu);
  if (again == 0)
    q->depth++;
  DROP(&q->mu);
}
