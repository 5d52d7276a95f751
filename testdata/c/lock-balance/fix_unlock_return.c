// fix-enable: lock-balance (the rule is in racelint:strict only)
/* Fix: a return that leaves a lock held while the function's other paths
 * release it gets the unlock call the function already makes, just before
 * it (a finding of the project phase: its fix is built in phase 1 and kept
 * on a fact). The lock may be plain, checked (`if (0 != lock(...)) return
 * 1;`) or a trylock that returns when it fails; an unlock right before
 * another return on the way does not stop the fix. A return that is an
 * if's lone branch gets braces. Unsafe: a caller that expects the lock
 * held after this return loses it. No fix where the return's value reads
 * what the lock guards (it would be read unlocked), where a label between
 * the lock and the return lets a goto in, where a loop's next iteration
 * can reach it unlocked, or where the lock is taken only on some paths (in
 * an if). */
#include <pthread.h>
#include <stdlib.h>

struct table {
  pthread_mutex_t mu;
  pthread_rwlock_t rw;
  int *slots;
  int n;
};

int table_put(struct table *t, int v) {
  pthread_mutex_lock(&t->mu); // expect-note: "locked here"
  if (t->n >= 64)
    /* full: the caller retries later */
    return -1; // expect: [lock-balance] "this return leaves 't->mu' locked"
  t->slots[t->n++] = v;
  pthread_mutex_unlock(&t->mu);
  return 0;
}

int table_grow(struct table *t, int n) {
  pthread_mutex_lock(&t->mu); // expect-note: "locked here"
  int *p = realloc(t->slots, (size_t)n * sizeof *p);
  if (!p) {
    return -1; // expect: [lock-balance]
  }
  t->slots = p;
  pthread_mutex_unlock(&t->mu);
  return 0;
}

int table_try_first(struct table *t, int *out) {
  if (pthread_mutex_trylock(&t->mu) != 0) return -1;
  if (t->n == 0) return -1; // expect: [lock-balance]
  *out = t->slots[0];
  pthread_mutex_unlock(&t->mu);
  return 0;
}

int table_op(struct table *t, int op) {
  int rc = 0;
  pthread_rwlock_wrlock(&t->rw); // expect-note: "locked here"
  switch (op) {
  case 0:
    t->n = 0;
    break;
  case 1:
    return rc; // expect: [lock-balance]
  default:
    rc = -1;
    break;
  }
  pthread_rwlock_unlock(&t->rw);
  return rc;
}

int table_rename(struct table *t, const char *name) {
  if (0 != pthread_mutex_lock(&t->mu)) {
    return 1;
  }
  for (int i = 0; i < t->n; i++) {
    if (t->slots[i] == name[0]) {
      pthread_mutex_unlock(&t->mu);
      return 2;
    }
  }
  char *copy = malloc(8);
  if (NULL == copy)
    return 1; // expect: [lock-balance]
  free(copy);
  pthread_mutex_unlock(&t->mu);
  return 0;
}

int table_len(struct table *t) {
  pthread_mutex_lock(&t->mu); // expect-note: "locked here"
  if (!t->slots)
    return t->n; // expect: [lock-balance]
  int n = t->n;
  pthread_mutex_unlock(&t->mu);
  return n;
}

int table_scan(struct table *t) {
  pthread_mutex_lock(&t->mu);
  for (int i = 0; i < t->n; i++) {
    if (t->slots[i] < 0) return -1; // expect: [lock-balance]
    pthread_mutex_unlock(&t->mu);
    pthread_mutex_lock(&t->mu); // expect-note: "locked here"
  }
  pthread_mutex_unlock(&t->mu);
  return 0;
}

int table_retry(struct table *t, int again) {
  pthread_mutex_lock(&t->mu); // expect-note: "locked here"
retry:
  if (t->n < 0) return -1; // expect: [lock-balance]
  if (again--) goto retry;
  pthread_mutex_unlock(&t->mu);
  return 0;
}

int table_maybe(struct table *t, int locked) {
  if (!locked) pthread_mutex_lock(&t->mu); // expect-note: "locked here"
  if (t->n < 0) return -1; // expect: [lock-balance]
  if (!locked) pthread_mutex_unlock(&t->mu);
  return 0;
}
