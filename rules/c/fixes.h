/* fixes.h - the multi-edit fixes of C rules (docs/fixes.md), built only for
 * the simple shapes they know; otherwise they add nothing. Defined in
 * fixes.c. */
#ifndef RL_RULES_C_FIXES_H
#define RL_RULES_C_FIXES_H

#include "../../analyzer/rule_api.h"

/* check-then-act: `if (access(p, F_OK) == 0) return ...;` (check, the
 * access call) and then `open(p, ...|O_CREAT..., mode)` (use): drop the
 * check and let open() refuse an existing file or a symlink itself
 * (O_EXCL|O_NOFOLLOW instead of O_TRUNC). RL_FIX_UNSAFE: an existing file
 * now takes open()'s failure path instead of the check's return. */
void rl_c_fix_access_open(RlCtx *cx, RlReport *r, RlNode use, RlNode check);

/* lazy-init-race, a finding of phase 2: for `if (!g) g = expr;` (if
 * statement `ifs`), or `if (!g) { ... g = ...; ... }` with no return,
 * goto, break, continue or label in the block, with g a static global that
 * nothing else in the file assigns or takes the address of, and what moves
 * naming no local (but the block's own) or parameter,
 * records a fact of kind `kind` at the condition (where csum.c records
 * RL_FACT_C_LAZY) carrying the fix: a pthread_once_t and an initialiser
 * function before the enclosing function, the if statement replaced by
 * pthread_once(), and #include <pthread.h> when the file has none.
 * RL_FIX_UNSAFE: a failed initialisation (expr yields NULL) is no longer
 * tried again on the next call. Double-checked locking, `if (!g) {
 * lock(&m); if (!g) ...; unlock(&m); }` with nothing else in the outer
 * block, the same mutex, and the inner if as above: the same fix (the
 * inner branch moves, the outer if is replaced, the mutex stays) on a fact
 * of kind `dcl_kind`; with C11 mtx_lock/mtx_unlock, once_flag and
 * call_once() and #include <threads.h>. Nothing for any other shape. */
void rl_c_fix_lazy_once(RlCtx *cx, RlNode ifs, uint16_t kind, uint16_t dcl_kind);

/* lock-balance, a finding of phase 2: for the return statement `ret`
 * (a value that reads nothing the lock guards: none, a constant, a local
 * or a parameter), for each lock that every path to it took (`lock(&m);`
 * in a block around it, or `if (0 != lock(&m)) return ...;`, with no
 * unlock - but one right before another return - and no label between)
 * and that the function unlocks elsewhere
 * with `unlock(&m)`, records a fact of kind `kind` at `ret` named by the
 * lock (as the finding names it: `q->mu`) carrying the fix: that unlock
 * call before the return, with braces when the return is an if's lone
 * branch. RL_FIX_UNSAFE: a caller that relies on the lock being held after
 * this return (a conditional lock function) would lose it. */
void rl_c_fix_unlock_return(RlCtx *cx, RlNode ret, uint16_t kind);

#endif
