/*
 * racelint runtime (librlrt): umbrella header.
 * The C primitives that racelint's fix hints point to:
 *   rt_lock.h     ordered locking of 2..N pthread mutexes   (lock-order)
 *   rt_lockdep.h  RlRtMutex + debug lock-order checker      (lock-order, lock-balance)
 *   rt_once.h     run-once / lazily initialised pointers    (lazy-init-race)
 *   rt_atomic.h   atomic counters, flags, refcounts         (shared-mutable-state)
 *   rt_file.h     TOCTOU-free file opening and creation     (check-then-act)
 * Link with -lrlrt -pthread (pkg-config --cflags --libs rlrt).
 */
#ifndef RACELINT_RT_H
#define RACELINT_RT_H

#include "rt_common.h"
#include "rt_atomic.h"
#include "rt_file.h"
#include "rt_lock.h"
#include "rt_lockdep.h"
#include "rt_once.h"

/** The library's version string ("0.1.0"), for checking that the header
 *  and the linked library agree (RL_RT_VERSION_STRING). */
RL_RT_API const char *rl_rt_version(void);

#endif /* RACELINT_RT_H */
