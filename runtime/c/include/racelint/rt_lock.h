/*
 * racelint runtime: ordered locking of several pthread mutexes.
 *
 * Fixes the `lock-order` rule: two threads that take the same mutexes in
 * opposite orders can deadlock.  These functions always acquire a set of
 * mutexes in one stable global order (ascending address, duplicates
 * removed), so no cycle of waiters can form among callers that use them.
 * Also: a deadline variant and a trylock-with-backoff variant that never
 * blocks while holding part of the set.
 *
 * For mutexes wrapped by the debug lock-order checker see rt_lockdep.h
 * (rl_rt_mutex_lock_pair).
 */
#ifndef RACELINT_RT_LOCK_H
#define RACELINT_RT_LOCK_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

#include "rt_common.h"

/* Largest number of mutexes accepted by the *_n functions. */
#define RL_RT_LOCK_N_MAX 16

/**
 * Lock two mutexes in the library's global order (lower address first).
 * `a` and `b` may be passed in any order and may be the same mutex, which
 * is then locked once.  Both must be initialised non-recursive or
 * recursive pthread mutexes not already held by the caller.
 *
 * Returns 0 when both are held, or the pthread error code of the failing
 * pthread_mutex_lock(); on error nothing is left locked.
 * The caller owns both locks until rl_rt_unlock_pair(a, b).
 */
RL_RT_API int rl_rt_lock_pair(pthread_mutex_t *a, pthread_mutex_t *b);

/**
 * Unlock a pair taken by rl_rt_lock_pair() (arguments in any order; the
 * same mutex twice is unlocked once).  Unlocks in reverse global order.
 * Returns 0 or the first pthread error code (all unlocks are attempted).
 */
RL_RT_API int rl_rt_unlock_pair(pthread_mutex_t *a, pthread_mutex_t *b);

/**
 * Lock `n` mutexes (1 <= n <= RL_RT_LOCK_N_MAX) in the global order.
 * The array is only read: it is copied, sorted by address and
 * de-duplicated internally, so callers may list the locks in any order
 * and may repeat one.  NULL entries are rejected.
 *
 * Returns 0 when all are held; EINVAL for a bad `n` or a NULL entry;
 * otherwise the pthread error code, in which case nothing is left locked.
 */
RL_RT_API int rl_rt_lock_n(pthread_mutex_t *const locks[], size_t n);

/**
 * Unlock a set taken by rl_rt_lock_n() / rl_rt_lock_n_timed() /
 * rl_rt_trylock_n() (same array or any permutation of it).  Each distinct
 * mutex is unlocked once, in reverse global order.
 * Returns 0, EINVAL, or the first pthread error code.
 */
RL_RT_API int rl_rt_unlock_n(pthread_mutex_t *const locks[], size_t n);

/**
 * Like rl_rt_lock_n() but gives up at the absolute CLOCK_REALTIME
 * `deadline` (as for pthread_mutex_timedlock()).  Returns ETIMEDOUT when
 * the deadline passed; nothing is left locked on any error.
 */
RL_RT_API int rl_rt_lock_n_timed(pthread_mutex_t *const locks[], size_t n,
                                 const struct timespec *deadline);

/**
 * Trylock with backoff: try to take every mutex with
 * pthread_mutex_trylock() (in global order); if one is busy, release the
 * ones already taken, sleep a short randomised, exponentially growing
 * time (1 us .. 1 ms) and try again, at most `max_attempts` times
 * (0 = keep trying for ever).  Because it never blocks while holding part
 * of the set it cannot deadlock even against code that does not use the
 * global order (it may, in theory, livelock; the jitter makes that
 * vanishingly unlikely).
 *
 * Returns 0 when all are held, EBUSY when the attempts ran out, EINVAL,
 * or another pthread error code.  Nothing is left locked on failure.
 */
RL_RT_API int rl_rt_trylock_n(pthread_mutex_t *const locks[], size_t n,
                              unsigned max_attempts);

/** rl_rt_trylock_n() for two mutexes. */
RL_RT_API int rl_rt_trylock_pair(pthread_mutex_t *a, pthread_mutex_t *b,
                                 unsigned max_attempts);

#endif /* RACELINT_RT_LOCK_H */
