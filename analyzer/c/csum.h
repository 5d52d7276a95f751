/* csum.h - per-function C summaries, recorded as facts for phase 2.
 *
 * For every C function definition of the file, a path-sensitive walk over
 * the flat AST (csum.c) computes: the locks acquired and released, with the
 * locks held on every path at each acquisition (lock-order), the accesses
 * to globals, static locals and objects reached through a parameter with
 * the locks held there (shared-mutable-state), the calls with the locks
 * held there, the functions that return holding a lock or having released
 * their caller's (lock wrappers), lock-balance findings, and unsynchronised
 * lazy initialisation. The fact kinds and flags are listed in rule_api.h,
 * "phase 2: C summaries". */
#ifndef RL_ANALYZER_CSUM_H_
#define RL_ANALYZER_CSUM_H_

#include "ast.h"

/* Records the summary facts of every function of the parsed C file. */
void rl_csum_extract(RlCtx *cx);

#endif
