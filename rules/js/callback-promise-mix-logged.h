/* js/callback-promise-mix-logged.h - callback-promise-mix's "logged
 * rethrow" sub-shape (rules/js/callback-promise-mix-logged.c): an async
 * listener or timer whose only rejections are those of callees that log an
 * error before they rethrow it. Not evidence that nothing rejects: the
 * default preset leaves it out, racelint:strict reports it. */
#ifndef RL_RULES_JS_CALLBACK_PROMISE_MIX_LOGGED_H
#define RL_RULES_JS_CALLBACK_PROMISE_MIX_LOGGED_H

#include "../../analyzer/rule_api.h"

/* Async function fn (a listener's or timer's callback) has no throw
 * outside a try/catch, at least one await outside one, and each such
 * await awaits a call of a function of this file (floating-promise's
 * rl_floating_promise_callee_fn) with at least one throw, every throw of
 * which (outside nested functions) throws a value whose name an earlier
 * log call of that function (`console.error(x)`, `logger.warn(x)`) was
 * given: `console.error(errors[i]); throw errors[0]`. The callee's other
 * awaits are not checked. */
bool rl_cpm_logged_rethrow(RlCtx *cx, RlNode fn);

#endif
