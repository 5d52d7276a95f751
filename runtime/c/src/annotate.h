/*
 * racelint runtime (private): Helgrind annotations for the library's own
 * sources.  Built with RL_RT_HELGRIND=1 when CMake found
 * <valgrind/helgrind.h> (see rt_common.h for the public macros).  Besides
 * happens-before edges, the atomic words themselves are excluded from
 * Helgrind's race checking: they are accessed with C11 atomics, which it
 * cannot tell from plain loads and stores.
 */
#ifndef RACELINT_RT_ANNOTATE_H
#define RACELINT_RT_ANNOTATE_H

#include "racelint/rt_common.h"

#define RL_RT_HAPPENS_BEFORE(addr) RL_RT_ANNOTATE_HAPPENS_BEFORE(addr)
#define RL_RT_HAPPENS_AFTER(addr) RL_RT_ANNOTATE_HAPPENS_AFTER(addr)

#if defined(RL_RT_HELGRIND) && RL_RT_HELGRIND
#define RL_RT_ATOMIC_WORD(addr, size) VALGRIND_HG_DISABLE_CHECKING(addr, size)
#else
#define RL_RT_ATOMIC_WORD(addr, size) ((void)0)
#endif

#endif /* RACELINT_RT_ANNOTATE_H */
