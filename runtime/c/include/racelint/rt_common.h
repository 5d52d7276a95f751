/*
 * racelint runtime (librlrt): common definitions shared by every topic
 * header -- the export macro, the library version and the C11 check.
 * Include <racelint/rt.h> rather than this file directly.
 */
#ifndef RACELINT_RT_COMMON_H
#define RACELINT_RT_COMMON_H

#if !defined(__STDC_VERSION__) || __STDC_VERSION__ < 201112L
#error "librlrt needs C11 (stdatomic.h, _Thread_local); compile with -std=c11 or newer"
#endif

#define RL_RT_VERSION_MAJOR 0
#define RL_RT_VERSION_MINOR 1
#define RL_RT_VERSION_PATCH 0
#define RL_RT_VERSION_STRING "0.1.0"

/* RL_RT_API marks functions exported from the shared library; the library
 * itself is built with -fvisibility=hidden. */
#if defined(__GNUC__) || defined(__clang__)
#define RL_RT_API __attribute__((visibility("default")))
#else
#define RL_RT_API
#endif

/*
 * Valgrind/Helgrind support.  Helgrind does not understand C11 atomics: it
 * cannot see that a release store followed by an acquire load orders
 * memory.  librlrt's own sources annotate their publication points when
 * <valgrind/helgrind.h> was found at build time.  The header-only inline
 * functions (rt_atomic.h) do so only if *you* compile with
 * -DRL_RT_HELGRIND=1 (needs the Valgrind headers); the annotations are a
 * few no-op instructions when not running under Valgrind.
 */
#if defined(RL_RT_HELGRIND) && RL_RT_HELGRIND
#include <valgrind/helgrind.h>
#define RL_RT_ANNOTATE_HAPPENS_BEFORE(addr) ANNOTATE_HAPPENS_BEFORE(addr)
#define RL_RT_ANNOTATE_HAPPENS_AFTER(addr) ANNOTATE_HAPPENS_AFTER(addr)
#else
#define RL_RT_ANNOTATE_HAPPENS_BEFORE(addr) ((void)0)
#define RL_RT_ANNOTATE_HAPPENS_AFTER(addr) ((void)0)
#endif

#ifdef __cplusplus
#error "librlrt headers are C11 only (they use _Atomic); wrap them in a C translation unit"
#endif

#endif /* RACELINT_RT_COMMON_H */
