/*
 * racelint runtime (private): happens-before annotations for Valgrind's
 * Helgrind/DRD.  Helgrind cannot see that a C11 release store followed by
 * an acquire load orders memory (on x86 both are plain moves), so the
 * publication points in once.c tell it explicitly.  The client requests
 * are a few no-op instructions when not running under Valgrind; they are
 * compiled in only when CMake found <valgrind/helgrind.h>.
 */
#ifndef RACELINT_RT_ANNOTATE_H
#define RACELINT_RT_ANNOTATE_H

#if defined(RL_RT_HAVE_HELGRIND_H)
#include <valgrind/helgrind.h>
#define RL_RT_HAPPENS_BEFORE(addr) ANNOTATE_HAPPENS_BEFORE(addr)
#define RL_RT_HAPPENS_AFTER(addr) ANNOTATE_HAPPENS_AFTER(addr)
#else
#define RL_RT_HAPPENS_BEFORE(addr) ((void)(addr))
#define RL_RT_HAPPENS_AFTER(addr) ((void)(addr))
#endif

#endif /* RACELINT_RT_ANNOTATE_H */
