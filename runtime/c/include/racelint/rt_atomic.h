/*
 * racelint runtime: atomic counters, flags and reference counts (C11
 * <stdatomic.h>), all header-only.
 *
 * Fixes the `shared-mutable-state` and `check-then-act` rules for the
 * common cases where a whole mutex is overkill: `hits++` from several
 * threads loses updates, `if (n < max) n++` over-admits, and
 * `if (!started) { started = 1; start(); }` starts twice.
 *
 *   RlRtCounter   int64_t counter; read-modify-write ops are single atomic
 *                 instructions (sequentially consistent)
 *   RlRtFlag      boolean with release/acquire publication and an atomic
 *                 test-and-set for "first caller wins"
 *   RlRtRefcount  reference count whose last put is ordered after every
 *                 other holder's writes
 */
#ifndef RACELINT_RT_ATOMIC_H
#define RACELINT_RT_ATOMIC_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rt_common.h"

/* ------------------------------------------------------------------ */
/* RlRtCounter                                                         */
/* ------------------------------------------------------------------ */

/** A shared 64-bit signed counter.  Fields are private. */
typedef struct RlRtCounter {
    _Atomic int64_t value_;
} RlRtCounter;

#define RL_RT_COUNTER_INIT(v) { (v) }

/** Set the initial value of a counter that is not shared yet. */
static inline void rl_rt_counter_init(RlRtCounter *c, int64_t v)
{
    atomic_init(&c->value_, v);
}

/** Atomically add `delta`; returns the new value. */
static inline int64_t rl_rt_counter_add(RlRtCounter *c, int64_t delta)
{
    return atomic_fetch_add(&c->value_, delta) + delta;
}

/** Atomically add 1; returns the new value. */
static inline int64_t rl_rt_counter_inc(RlRtCounter *c)
{
    return rl_rt_counter_add(c, 1);
}

/** Atomically subtract 1; returns the new value. */
static inline int64_t rl_rt_counter_dec(RlRtCounter *c)
{
    return rl_rt_counter_add(c, -1);
}

/** Current value (a snapshot: other threads may change it right after). */
static inline int64_t rl_rt_counter_get(const RlRtCounter *c)
{
    return atomic_load(&c->value_);
}

/** Store `v`. */
static inline void rl_rt_counter_set(RlRtCounter *c, int64_t v)
{
    atomic_store(&c->value_, v);
}

/** Store `v` and return the previous value. */
static inline int64_t rl_rt_counter_exchange(RlRtCounter *c, int64_t v)
{
    return atomic_exchange(&c->value_, v);
}

/**
 * Compare-and-set: if the value equals *expected, store `desired` and
 * return true; otherwise load the current value into *expected and return
 * false (so a retry loop needs no separate re-read).
 */
static inline bool rl_rt_counter_cas(RlRtCounter *c, int64_t *expected,
                                     int64_t desired)
{
    return atomic_compare_exchange_strong(&c->value_, expected, desired);
}

/**
 * Check-then-act done atomically: add 1 only if the value is below
 * `limit`.  Returns true if this call incremented (e.g. took one of
 * `limit` slots), false if the counter was already at or above the limit.
 */
static inline bool rl_rt_counter_inc_if_below(RlRtCounter *c, int64_t limit)
{
    int64_t cur = atomic_load(&c->value_);
    while (cur < limit) {
        if (atomic_compare_exchange_weak(&c->value_, &cur, cur + 1))
            return true;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* RlRtFlag                                                            */
/* ------------------------------------------------------------------ */

/** A shared boolean.  Fields are private. */
typedef struct RlRtFlag {
    atomic_bool value_;
} RlRtFlag;

#define RL_RT_FLAG_INIT { false }

/** Set the flag (release: writes made before it are visible to a thread
 *  that sees the flag set with rl_rt_flag_is_set()). */
static inline void rl_rt_flag_set(RlRtFlag *f)
{
    RL_RT_ANNOTATE_HAPPENS_BEFORE(&f->value_);
    atomic_store_explicit(&f->value_, true, memory_order_release);
}

/** Clear the flag (release). */
static inline void rl_rt_flag_clear(RlRtFlag *f)
{
    RL_RT_ANNOTATE_HAPPENS_BEFORE(&f->value_);
    atomic_store_explicit(&f->value_, false, memory_order_release);
}

/** Read the flag (acquire). */
static inline bool rl_rt_flag_is_set(const RlRtFlag *f)
{
    bool v = atomic_load_explicit(&f->value_, memory_order_acquire);
    RL_RT_ANNOTATE_HAPPENS_AFTER(&f->value_);
    return v;
}

/**
 * Set the flag and return its previous value, atomically.  Exactly one of
 * any number of racing callers sees `false`:
 *
 *   if (!rl_rt_flag_test_and_set(&started)) start_worker();
 */
static inline bool rl_rt_flag_test_and_set(RlRtFlag *f)
{
    bool prev;
    RL_RT_ANNOTATE_HAPPENS_BEFORE(&f->value_);
    prev = atomic_exchange_explicit(&f->value_, true, memory_order_acq_rel);
    RL_RT_ANNOTATE_HAPPENS_AFTER(&f->value_);
    return prev;
}

/* ------------------------------------------------------------------ */
/* RlRtRefcount                                                        */
/* ------------------------------------------------------------------ */

/** A reference count.  Fields are private. */
typedef struct RlRtRefcount {
    atomic_size_t count_;
} RlRtRefcount;

#define RL_RT_REFCOUNT_INIT(n) { (n) }

/** Set the count of an object not shared yet (usually to 1: the creator's
 *  reference). */
static inline void rl_rt_ref_init(RlRtRefcount *r, size_t n)
{
    atomic_init(&r->count_, n);
}

/** Take one more reference.  The caller must already own one. */
static inline void rl_rt_ref_get(RlRtRefcount *r)
{
    atomic_fetch_add_explicit(&r->count_, 1, memory_order_relaxed);
}

/**
 * Take a reference only if the count is not zero (for lookups through a
 * table that does not own a reference).  Returns true if one was taken.
 */
static inline bool rl_rt_ref_get_unless_zero(RlRtRefcount *r)
{
    size_t cur = atomic_load_explicit(&r->count_, memory_order_relaxed);
    while (cur != 0) {
        if (atomic_compare_exchange_weak_explicit(&r->count_, &cur, cur + 1,
                                                  memory_order_acquire,
                                                  memory_order_relaxed)) {
            RL_RT_ANNOTATE_HAPPENS_AFTER(&r->count_);
            return true;
        }
    }
    return false;
}

/**
 * Drop a reference.  Returns true for the caller that dropped the last
 * one: it now owns the object exclusively and must free it; all other
 * holders' writes to it happen-before that return.
 */
static inline bool rl_rt_ref_put(RlRtRefcount *r)
{
    /* acq_rel rather than release + acquire fence: same guarantee, and
     * ThreadSanitizer understands it (it does not model fences). */
    RL_RT_ANNOTATE_HAPPENS_BEFORE(&r->count_);
    if (atomic_fetch_sub_explicit(&r->count_, 1, memory_order_acq_rel) == 1) {
        RL_RT_ANNOTATE_HAPPENS_AFTER(&r->count_);
        return true;
    }
    return false;
}

/** Current count (a snapshot, for asserts and diagnostics only). */
static inline size_t rl_rt_ref_count(const RlRtRefcount *r)
{
    return atomic_load_explicit(&r->count_, memory_order_relaxed);
}

#endif /* RACELINT_RT_ATOMIC_H */
