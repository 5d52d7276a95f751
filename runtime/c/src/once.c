/*
 * racelint runtime: run-once and lazy pointers (rt_once.h).
 * Double-checked locking with an acquire load on the fast path, a mutex
 * around the initialiser and a release store to publish; failures are not
 * published, so the next caller retries.
 */
#include "racelint/rt_once.h"

#include <errno.h>

#include "annotate.h"

int rl_rt_once_init(RlRtOnce *once)
{
    atomic_init(&once->done_, 0);
    return pthread_mutex_init(&once->mu_, NULL);
}

void rl_rt_once_destroy(RlRtOnce *once)
{
    (void)pthread_mutex_destroy(&once->mu_);
}

bool rl_rt_once_done(const RlRtOnce *once)
{
    if (atomic_load_explicit(&once->done_, memory_order_acquire) != 0) {
        RL_RT_HAPPENS_AFTER(&once->done_);
        return true;
    }
    return false;
}

int rl_rt_once(RlRtOnce *once, RlRtOnceFn fn, void *arg)
{
    int rc;

    /* Fast path: the acquire load pairs with the release store below, so
     * everything fn wrote is visible once we see done_ == 1. */
    if (rl_rt_once_done(once))
        return 0;

    rc = pthread_mutex_lock(&once->mu_);
    if (rc != 0)
        return rc;
    RL_RT_ATOMIC_WORD(&once->done_, sizeof once->done_);
    /* Second check under the lock: another thread may have finished
     * while we were waiting. */
    if (atomic_load_explicit(&once->done_, memory_order_relaxed) == 0) {
        rc = fn(arg);
        if (rc == 0) {
            RL_RT_HAPPENS_BEFORE(&once->done_);
            atomic_store_explicit(&once->done_, 1, memory_order_release);
        }
    }
    (void)pthread_mutex_unlock(&once->mu_);
    return rc;
}

int rl_rt_lazy_init(RlRtLazy *lazy)
{
    atomic_init(&lazy->value_, NULL);
    return pthread_mutex_init(&lazy->mu_, NULL);
}

void *rl_rt_lazy_destroy(RlRtLazy *lazy)
{
    void *v = atomic_load_explicit(&lazy->value_, memory_order_acquire);
    atomic_store_explicit(&lazy->value_, NULL, memory_order_relaxed);
    (void)pthread_mutex_destroy(&lazy->mu_);
    return v;
}

void *rl_rt_lazy_peek(const RlRtLazy *lazy)
{
    void *v = atomic_load_explicit(&lazy->value_, memory_order_acquire);
    if (v != NULL)
        RL_RT_HAPPENS_AFTER(&lazy->value_);
    return v;
}

bool rl_rt_lazy_is_initialized(const RlRtLazy *lazy)
{
    return rl_rt_lazy_peek(lazy) != NULL;
}

int rl_rt_lazy_get(RlRtLazy *lazy, RlRtLazyInitFn init, void *arg, void **out)
{
    void *v = rl_rt_lazy_peek(lazy);
    int rc;

    if (v != NULL) {
        *out = v;
        return 0;
    }
    rc = pthread_mutex_lock(&lazy->mu_);
    if (rc != 0)
        return rc;
    RL_RT_ATOMIC_WORD(&lazy->value_, sizeof lazy->value_);
    /* Relaxed is enough here: the mutex orders us after any earlier
     * initialiser that published under it. */
    v = atomic_load_explicit(&lazy->value_, memory_order_relaxed);
    if (v == NULL) {
        rc = init(arg, &v);
        if (rc == 0 && v == NULL)
            rc = EINVAL;
        if (rc == 0) {
            RL_RT_HAPPENS_BEFORE(&lazy->value_);
            atomic_store_explicit(&lazy->value_, v, memory_order_release);
        }
    }
    (void)pthread_mutex_unlock(&lazy->mu_);
    if (rc == 0)
        *out = v;
    return rc;
}
