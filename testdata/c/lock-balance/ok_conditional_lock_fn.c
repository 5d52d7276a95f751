/* Near-misses: functions that return holding the locks on success and
 * release them on failure (the caller checks the result), and
 * hand-over-hand locking down a list. */
/* expect-none */
#include <pthread.h>
#include <stdint.h>
#include <stddef.h>

typedef struct obj {
  pthread_mutex_t mu;
  struct obj *next;
  int v;
} obj;

int lock_two(obj *a, obj *b) {
  obj *first = a, *second = b;
  int rc;
  if ((uintptr_t)b < (uintptr_t)a) {
    first = b;
    second = a;
  }
  rc = pthread_mutex_lock(&first->mu);
  if (rc != 0 || first == second)
    return rc;
  rc = pthread_mutex_lock(&second->mu);
  if (rc != 0)
    pthread_mutex_unlock(&first->mu);
  return rc;
}

int lock_if_valid(obj *o) {
  pthread_mutex_lock(&o->mu);
  if (o->v < 0) {
    pthread_mutex_unlock(&o->mu);
    return -1;
  }
  return 0; /* locked: the caller unlocks */
}

int find(obj *head, int v) {
  obj *prev = head, *cur;
  pthread_mutex_lock(&prev->mu);
  while ((cur = prev->next) != NULL) {
    pthread_mutex_lock(&cur->mu);
    pthread_mutex_unlock(&prev->mu);
    if (cur->v == v) {
      pthread_mutex_unlock(&cur->mu);
      return 1;
    }
    prev = cur;
  }
  pthread_mutex_unlock(&prev->mu);
  return 0;
}
