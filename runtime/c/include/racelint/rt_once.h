/*
 * racelint runtime: run-once and lazily initialised pointers.
 *
 * Fixes the `lazy-init-race` and `check-then-act` rules: the hand-written
 * "if (p == NULL) p = create();" (with or without a second check under a
 * lock) either calls create() twice or publishes a pointer to a
 * half-initialised object.  These are double-checked locking done right:
 * an acquire load on the fast path, a mutex around the initialiser and a
 * release store to publish.  Unlike pthread_once(), a failing initialiser
 * leaves the object uninitialised so that a later call can retry.
 *
 *   RlRtOnce            run an int (*)(void *) exactly once successfully
 *   RlRtLazy            a void * produced exactly once
 *   RL_RT_LAZY_TYPE     declare a type-safe lazy pointer for `T *`
 *   RL_RT_LAZY_GETTER   define `T *getter(void)` backed by a hidden lazy
 */
#ifndef RACELINT_RT_ONCE_H
#define RACELINT_RT_ONCE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "rt_common.h"

/* ------------------------------------------------------------------ */
/* RlRtOnce                                                            */
/* ------------------------------------------------------------------ */

/** Run-once state.  Statically initialise with RL_RT_ONCE_INIT or call
 *  rl_rt_once_init().  Fields are private. */
typedef struct RlRtOnce {
    atomic_int done_;        /* 0 = not yet, 1 = succeeded (release) */
    pthread_mutex_t mu_;     /* serialises attempts */
} RlRtOnce;

#define RL_RT_ONCE_INIT { 0, PTHREAD_MUTEX_INITIALIZER }

/** Callback for rl_rt_once(): return 0 on success, non-zero (e.g. an
 *  errno value) on failure. */
typedef int (*RlRtOnceFn)(void *arg);

/** Initialise a run-once object at run time (e.g. inside a heap struct).
 *  Returns 0 or a pthread error code. */
RL_RT_API int rl_rt_once_init(RlRtOnce *once);

/** Destroy a run-once object.  No other thread may be using it. */
RL_RT_API void rl_rt_once_destroy(RlRtOnce *once);

/**
 * Call fn(arg) unless an earlier call already succeeded.  Concurrent
 * callers wait while one of them runs fn; fn never runs in two threads at
 * once and never runs again after it returned 0.  If fn fails, its return
 * value is returned to the caller that ran it and the next call retries.
 * Callers that waited and then found the work done get 0.
 *
 * Everything fn wrote happens-before the return of every rl_rt_once() call
 * that returns 0.  fn must not call rl_rt_once() on the same object
 * (that self-deadlocks).
 */
RL_RT_API int rl_rt_once(RlRtOnce *once, RlRtOnceFn fn, void *arg);

/** True once a call to fn has succeeded (acquire load; usable in
 *  assert(rl_rt_once_done(&o)) before relying on its effects). */
RL_RT_API bool rl_rt_once_done(const RlRtOnce *once);

/* ------------------------------------------------------------------ */
/* RlRtLazy                                                            */
/* ------------------------------------------------------------------ */

/** A lazily created pointer.  Statically initialise with RL_RT_LAZY_INIT
 *  or call rl_rt_lazy_init().  Fields are private. */
typedef struct RlRtLazy {
    _Atomic(void *) value_;  /* NULL until published (release) */
    pthread_mutex_t mu_;     /* serialises initialiser calls */
} RlRtLazy;

#define RL_RT_LAZY_INIT { NULL, PTHREAD_MUTEX_INITIALIZER }

/** Initialiser for rl_rt_lazy_get(): store a non-NULL pointer in *out and
 *  return 0, or return non-zero (e.g. an errno value) on failure. */
typedef int (*RlRtLazyInitFn)(void *arg, void **out);

/** Initialise a lazy pointer at run time.  Returns 0 or a pthread error. */
RL_RT_API int rl_rt_lazy_init(RlRtLazy *lazy);

/**
 * Tear down a lazy pointer and hand its value (NULL if never created) back
 * to the caller, who then owns it and must free it.  No other thread may
 * be using `lazy`.  A statically initialised lazy need not be destroyed.
 */
RL_RT_API void *rl_rt_lazy_destroy(RlRtLazy *lazy);

/**
 * Get the value, creating it with init(arg, &value) on first use.
 *
 * init is called by at most one thread at a time and, once it has
 * succeeded, never again: every caller then gets the same pointer, and
 * everything init wrote to the object happens-before the caller reads it.
 * If init fails (returns non-zero, or returns 0 with a NULL value, which
 * is reported as EINVAL) nothing is published, the error is returned and
 * the next call retries.
 *
 * On success returns 0 and stores the pointer in *out.  The lazy owns the
 * object; callers borrow it (see rl_rt_lazy_destroy()).  init must not
 * call rl_rt_lazy_get() on the same lazy.
 */
RL_RT_API int rl_rt_lazy_get(RlRtLazy *lazy, RlRtLazyInitFn init, void *arg,
                             void **out);

/** The published value or NULL if not created yet; never calls init.
 *  Acquire load, so a non-NULL result is fully initialised. */
RL_RT_API void *rl_rt_lazy_peek(const RlRtLazy *lazy);

/** True if the value has been created (for asserts). */
RL_RT_API bool rl_rt_lazy_is_initialized(const RlRtLazy *lazy);

/* ------------------------------------------------------------------ */
/* Typed wrappers                                                      */
/* ------------------------------------------------------------------ */

/**
 * RL_RT_LAZY_TYPE(Name, T);  declares a type-safe lazy `T *`:
 *
 *   typedef struct Name Name;                  init with RL_RT_LAZY_TYPE_INIT
 *   typedef int (*Name##InitFn)(void *arg, T **out);
 *   int  Name##_get(Name *lazy, Name##InitFn init, void *arg, T **out);
 *   T   *Name##_peek(const Name *lazy);
 *
 * with the semantics of rl_rt_lazy_get() / rl_rt_lazy_peek().  Example:
 *
 *   RL_RT_LAZY_TYPE(ConfigLazy, struct config);
 *   static ConfigLazy config_lazy = RL_RT_LAZY_TYPE_INIT;
 *   struct config *cfg;
 *   if (ConfigLazy_get(&config_lazy, load_config, "/etc/app.conf", &cfg) == 0)
 *       use(cfg);
 */
#define RL_RT_LAZY_TYPE(Name, T)                                              \
    typedef struct Name { RlRtLazy base_; } Name;                             \
    typedef int (*Name##InitFn)(void *arg, T **out);                          \
    struct Name##_RlRtCall_ { Name##InitFn fn; void *arg; };                  \
    static inline int Name##_rl_rt_tramp_(void *call_, void **out_)           \
    {                                                                         \
        struct Name##_RlRtCall_ *c_ = (struct Name##_RlRtCall_ *)call_;       \
        T *v_ = NULL;                                                         \
        int rc_ = c_->fn(c_->arg, &v_);                                       \
        *out_ = (void *)v_;                                                   \
        return rc_;                                                           \
    }                                                                         \
    static inline int Name##_get(Name *lazy, Name##InitFn init, void *arg,    \
                                 T **out)                                     \
    {                                                                         \
        struct Name##_RlRtCall_ c_ = { init, arg };                           \
        void *v_ = NULL;                                                      \
        int rc_ = rl_rt_lazy_get(&lazy->base_, Name##_rl_rt_tramp_, &c_, &v_); \
        if (rc_ == 0)                                                         \
            *out = (T *)v_;                                                   \
        return rc_;                                                           \
    }                                                                         \
    static inline T *Name##_peek(const Name *lazy)                            \
    {                                                                         \
        return (T *)rl_rt_lazy_peek(&lazy->base_);                            \
    }                                                                         \
    struct Name##_RlRtEnd_ /* swallows the caller's semicolon */

#define RL_RT_LAZY_TYPE_INIT { RL_RT_LAZY_INIT }

/**
 * RL_RT_LAZY_GETTER(storage, getter, T, create);  defines
 *
 *   storage T *getter(void);
 *
 * which returns the single object made by `T *create(void)` (called once
 * successfully, however many threads race on the first call), or NULL if
 * create() returned NULL -- then the next call retries.  `storage` is
 * `static` or empty.  The object lives for the rest of the program.
 *
 *   static struct pool *make_pool(void) { ... }
 *   RL_RT_LAZY_GETTER(static, get_pool, struct pool, make_pool);
 *   ... struct pool *p = get_pool(); if (p == NULL) handle_error();
 */
#define RL_RT_LAZY_GETTER(storage, getter, T, create)                         \
    static int getter##_rl_rt_init_(void *arg_, void **out_)                  \
    {                                                                         \
        T *v_;                                                                \
        (void)arg_;                                                           \
        v_ = create();                                                        \
        if (v_ == NULL)                                                       \
            return -1;                                                        \
        *out_ = (void *)v_;                                                   \
        return 0;                                                             \
    }                                                                         \
    storage T *getter(void)                                                   \
    {                                                                         \
        static RlRtLazy lazy_ = RL_RT_LAZY_INIT;                              \
        void *v_ = NULL;                                                      \
        if (rl_rt_lazy_get(&lazy_, getter##_rl_rt_init_, NULL, &v_) != 0)     \
            return NULL;                                                      \
        return (T *)v_;                                                       \
    }                                                                         \
    struct getter##_RlRtEnd_ /* swallows the caller's semicolon */

#endif /* RACELINT_RT_ONCE_H */
