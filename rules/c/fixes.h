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

#endif
