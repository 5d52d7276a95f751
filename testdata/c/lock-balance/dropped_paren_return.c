/* A return whose value is parenthesised, `return (CS_OK);`, dropped by
 * the parser because CS_OK comes from a header this run cannot find. It
 * reads like a call statement `name(arg);`, but `return` is a keyword:
 * the path ends there, and the error label's unlock is reached only from
 * the gotos taken with the lock held. */
#include <pthread.h>
#include "rl_testdata_absent/store.h"

static pthread_mutex_t store_mu = PTHREAD_MUTEX_INITIALIZER;
static int stored;

cs_error_t store_get(int *out, int want) {
  cs_error_t err;
  pthread_mutex_lock(&store_mu);
  if (stored == 0) {
    err = CS_OK;
    goto error_unlock;
  }
  if (want < stored) {
    err = CS_ERR_INVALID_PARAM;
    goto error_unlock;
  }
  *out = stored;
  pthread_mutex_unlock(&store_mu);
  return (CS_OK);

error_unlock:
  pthread_mutex_unlock(&store_mu);
  return (err);
}

/* near-miss: the parenthesised return still ends its path with the lock
 * held */
cs_error_t store_put(int v) {
  pthread_mutex_lock(&store_mu); // expect-note: "locked here"
  if (v < 0) { // expect: [lock-balance] "this return leaves 'store_mu' locked"
    return (CS_ERR_INVALID_PARAM);
  }
  stored = v;
  pthread_mutex_unlock(&store_mu);
  return (CS_OK);
}

/* near-miss: a dropped call whose name begins like the keyword is a call;
 * the path goes on to the second unlock */
cs_error_t store_clear(void) {
  pthread_mutex_lock(&store_mu);
  stored = 0;
  pthread_mutex_unlock(&store_mu);
  returned(CS_OK);
  pthread_mutex_unlock(&store_mu); // expect: [lock-balance] "already unlocked"
  return 0;
}
