/* A trylock's result kept in a variable: the success path still has to
 * unlock; a variable tested, reassigned and tested again no longer says
 * whether the lock is held. */
#include <errno.h>
#include <pthread.h>

#define TRY_GRAB(x) pthread_mutex_trylock(x)
#define DROP(x) pthread_mutex_unlock(x)

struct cache {
  pthread_mutex_t mu;
  int hits;
};
int refill(int *hits);

/* reassigned, then its new value sends the path out holding the lock */
int cache_refill(struct cache *c) {
  int ret = TRY_GRAB(&c->mu);
  if (ret)
    return -1;
  c->hits = 0;
  ret = refill(&c->hits);
  if (ret)
    return ret; // expect: [lock-balance] "leaves"
  DROP(&c->mu);
  return 0;
}

/* the success branch returns early without the unlock */
int cache_hit(struct cache *c) {
  int ret = TRY_GRAB(&c->mu);
  if (ret != 0)
    goto out;
  if (c->hits < 0)
    return -1; // expect: [lock-balance] "leaves"
  c->hits++;
  DROP(&c->mu);
out:
  return ret;
}

/* assigned in the condition; the success path forgets the unlock */
int cache_reset(struct cache *c) {
  int ret;
  if ((ret = pthread_mutex_trylock(&c->mu)) != 0)
    return ret;
  if (c->hits == 0)
    return 0; // expect: [lock-balance] "leaves"
  c->hits = 0;
  DROP(&c->mu);
  return 0;
}

/* compared with EBUSY; the success path forgets the unlock */
int cache_peek(struct cache *c) {
  int ret = TRY_GRAB(&c->mu);
  if (ret == EBUSY)
    return 0;
  if (c->hits > 100)
    return 2; // expect: [lock-balance] "leaves"
  DROP(&c->mu);
  return 1;
}

/* unlocked under the success test, then once more on every path */
int cache_twice(struct cache *c) {
  int ret = TRY_GRAB(&c->mu);
  if (!ret)
    c->hits++;
  if (!ret)
    DROP(&c->mu);
  DROP(&c->mu); // expect: [lock-balance] "already unlocked"
  return ret;
}
