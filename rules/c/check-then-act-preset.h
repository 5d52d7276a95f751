/* check-then-act-preset.h - the C check-then-act shapes the default preset
 * (racelint:recommended) keeps; racelint:strict reports every finding of
 * the rule. The measured figure of each shape: rules/check-then-act.md,
 * "Presets". */
#ifndef RL_RULES_C_CHECK_THEN_ACT_PRESET_H
#define RL_RULES_C_CHECK_THEN_ACT_PRESET_H

#include "../../analyzer/rule_api.h"

/* Does statement s leave the enclosing code somewhere (return, goto,
 * break, continue, exit())? */
bool rl_cta_c_leaves(RlCtx *cx, RlNode s);

/* A truncating create or a rename onto the checked name: is it a
 * default-preset shape? Not when it runs only where the check (a direct
 * access/stat call, `syscall`) found the name missing: the no-clobber race,
 * which loses a file only another writer of the directory could create. */
bool rl_cta_c_clobber_default(RlCtx *cx, RlNode body, RlNode chk, RlNode use, bool syscall);

#endif
