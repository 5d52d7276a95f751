/* A header with an inline function, included by two files: its bug is
 * reported once, in the header. */
#ifndef COUNTER_H
#define COUNTER_H
#include <pthread.h>

struct counter {
  pthread_mutex_t mu;
  long n;
};

static inline int counter_add(struct counter *c, long d) {
  pthread_mutex_lock(&c->mu);
  if (c->n + d < 0)
    return -1; // expect: [lock-balance]
  c->n += d;
  pthread_mutex_unlock(&c->mu);
  return 0;
}
#endif
