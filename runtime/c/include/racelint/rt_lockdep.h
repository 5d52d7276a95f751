/*
 * racelint runtime: RlRtMutex, a pthread mutex wrapper with an optional
 * debug lock-order checker ("lockdep").
 *
 * Fixes/verifies the `lock-order` and `lock-balance` rules at run time.
 * Compile *your* code with -DRL_RT_LOCKDEP (or configure librlrt with
 * -DRLRT_LOCKDEP=ON, which adds it to the targets' interface) and every
 * RlRtMutex records, per thread, which locks are held and, globally, a
 * graph of "A was held while B was acquired" edges.  Acquiring a lock that
 * would close a cycle in that graph -- a *possible* deadlock, even if this
 * run never actually deadlocked -- prints a message naming both locks and
 * the recorded path to stderr and calls abort().  Also caught: locking a
 * mutex the thread already holds, unlocking one it does not hold,
 * destroying a held mutex, and holding more than RL_RT_LOCKDEP_MAX_HELD.
 *
 * Without RL_RT_LOCKDEP, RlRtMutex is a struct holding just a
 * pthread_mutex_t and every function below is a static inline call of the
 * pthread function: zero cost.  (The checker itself is always in the
 * library; only the wrappers choose whether to call it, so one librlrt
 * build serves both kinds of callers.)
 *
 * The _held()/_notheld() predicates are for assert(); like SQLite's
 * sqlite3_mutex_held() they are exact with the checker on and always
 * return 1 without it, so the asserts never fire in release builds.
 */
#ifndef RACELINT_RT_LOCKDEP_H
#define RACELINT_RT_LOCKDEP_H

#include <pthread.h>
#include <stdint.h>

#include "rt_common.h"

/* Most locks one thread may hold at once under the checker. */
#define RL_RT_LOCKDEP_MAX_HELD 32
/* Most live checked mutexes; beyond that new ones go unchecked (with a
 * one-time warning). */
#define RL_RT_LOCKDEP_MAX_LOCKS 1024

/** The checked mutex layout.  Use RlRtMutex, not this type; fields are
 *  private. */
typedef struct RlRtLockdepMutex {
    pthread_mutex_t mu_;
    const char *name_;            /* for messages; must outlive the mutex */
    _Atomic uint32_t id_;         /* graph node, 0 = not registered yet */
} RlRtLockdepMutex;

/* The checker entry points.  Called by the RlRtMutex wrappers when
 * RL_RT_LOCKDEP is defined; they may also be used directly. */
RL_RT_API int rl_rt_lockdep_mutex_init(RlRtLockdepMutex *m, const char *name);
RL_RT_API int rl_rt_lockdep_mutex_destroy(RlRtLockdepMutex *m);
RL_RT_API int rl_rt_lockdep_mutex_lock(RlRtLockdepMutex *m);
RL_RT_API int rl_rt_lockdep_mutex_trylock(RlRtLockdepMutex *m);
RL_RT_API int rl_rt_lockdep_mutex_unlock(RlRtLockdepMutex *m);
/** 1 if the calling thread holds m (exact). */
RL_RT_API int rl_rt_lockdep_mutex_held(const RlRtLockdepMutex *m);
/** Number of checked mutexes the calling thread holds. */
RL_RT_API unsigned rl_rt_lockdep_held_count(void);

#ifdef RL_RT_LOCKDEP

/** A mutex.  Initialise statically with RL_RT_MUTEX_INIT("name") or with
 *  rl_rt_mutex_init().  `name` (a string literal, ideally) must outlive
 *  the mutex; it is what lockdep messages print. */
typedef RlRtLockdepMutex RlRtMutex;

#define RL_RT_MUTEX_INIT(name) { PTHREAD_MUTEX_INITIALIZER, (name), 0 }

static inline int rl_rt_mutex_init(RlRtMutex *m, const char *name)
{ return rl_rt_lockdep_mutex_init(m, name); }
static inline int rl_rt_mutex_destroy(RlRtMutex *m)
{ return rl_rt_lockdep_mutex_destroy(m); }
static inline int rl_rt_mutex_lock(RlRtMutex *m)
{ return rl_rt_lockdep_mutex_lock(m); }
static inline int rl_rt_mutex_trylock(RlRtMutex *m)
{ return rl_rt_lockdep_mutex_trylock(m); }
static inline int rl_rt_mutex_unlock(RlRtMutex *m)
{ return rl_rt_lockdep_mutex_unlock(m); }
static inline int rl_rt_mutex_held(const RlRtMutex *m)
{ return rl_rt_lockdep_mutex_held(m); }
static inline int rl_rt_mutex_notheld(const RlRtMutex *m)
{ return !rl_rt_lockdep_mutex_held(m); }
static inline unsigned rl_rt_mutex_held_count(void)
{ return rl_rt_lockdep_held_count(); }

#else /* !RL_RT_LOCKDEP: zero-cost wrappers */

typedef struct RlRtMutex {
    pthread_mutex_t mu_;
} RlRtMutex;

#define RL_RT_MUTEX_INIT(name) { PTHREAD_MUTEX_INITIALIZER }

/** Initialise `m`; `name` is only used by the checker.
 *  Returns 0 or a pthread error code (as do all the functions below). */
static inline int rl_rt_mutex_init(RlRtMutex *m, const char *name)
{ (void)name; return pthread_mutex_init(&m->mu_, NULL); }
/** Destroy an unlocked mutex. */
static inline int rl_rt_mutex_destroy(RlRtMutex *m)
{ return pthread_mutex_destroy(&m->mu_); }
/** Lock; the caller owns the lock until rl_rt_mutex_unlock(). */
static inline int rl_rt_mutex_lock(RlRtMutex *m)
{ return pthread_mutex_lock(&m->mu_); }
/** Try to lock without blocking: 0 (now held) or EBUSY. */
static inline int rl_rt_mutex_trylock(RlRtMutex *m)
{ return pthread_mutex_trylock(&m->mu_); }
/** Unlock a mutex the calling thread holds. */
static inline int rl_rt_mutex_unlock(RlRtMutex *m)
{ return pthread_mutex_unlock(&m->mu_); }
/** For assert(): 1 if the calling thread holds m (always 1 without
 *  RL_RT_LOCKDEP). */
static inline int rl_rt_mutex_held(const RlRtMutex *m)
{ (void)m; return 1; }
/** For assert(): 1 if the calling thread does not hold m (always 1
 *  without RL_RT_LOCKDEP). */
static inline int rl_rt_mutex_notheld(const RlRtMutex *m)
{ (void)m; return 1; }
/** Number of RlRtMutex the calling thread holds (always 0 without
 *  RL_RT_LOCKDEP), e.g. assert(rl_rt_mutex_held_count() == 0) at the end
 *  of a request handler. */
static inline unsigned rl_rt_mutex_held_count(void)
{ return 0; }

#endif /* RL_RT_LOCKDEP */

/** The underlying pthread mutex, e.g. for pthread_cond_wait().  Waiting
 *  on a condition variable releases and retakes it behind the checker's
 *  back, which is fine: the thread holds it again when the wait returns. */
static inline pthread_mutex_t *rl_rt_mutex_native(RlRtMutex *m)
{ return &m->mu_; }

/**
 * Lock two RlRtMutex in the global order (lower address first; the same
 * mutex twice is locked once), the RlRtMutex counterpart of
 * rl_rt_lock_pair().  On error nothing is left locked.
 */
static inline int rl_rt_mutex_lock_pair(RlRtMutex *a, RlRtMutex *b)
{
    RlRtMutex *first = a, *second = b;
    int rc;

    if ((uintptr_t)b < (uintptr_t)a) {
        first = b;
        second = a;
    }
    rc = rl_rt_mutex_lock(first);
    if (rc != 0 || first == second)
        return rc;
    rc = rl_rt_mutex_lock(second);
    if (rc != 0)
        (void)rl_rt_mutex_unlock(first);
    return rc;
}

/** Unlock a pair taken by rl_rt_mutex_lock_pair() (reverse order). */
static inline int rl_rt_mutex_unlock_pair(RlRtMutex *a, RlRtMutex *b)
{
    RlRtMutex *first = a, *second = b;
    int rc = 0;

    if ((uintptr_t)b < (uintptr_t)a) {
        first = b;
        second = a;
    }
    if (first != second)
        rc = rl_rt_mutex_unlock(second);
    {
        int rc2 = rl_rt_mutex_unlock(first);
        return rc != 0 ? rc : rc2;
    }
}

#endif /* RACELINT_RT_LOCKDEP_H */
