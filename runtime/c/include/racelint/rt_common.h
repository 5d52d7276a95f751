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

#ifdef __cplusplus
#error "librlrt headers are C11 only (they use _Atomic); wrap them in a C translation unit"
#endif

#endif /* RACELINT_RT_COMMON_H */
