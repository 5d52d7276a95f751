/* js/callback-promise-mix-catches.h - when an async callback of
 * callback-promise-mix cannot reject (rules/js/callback-promise-mix-catches.c):
 * every await and throw is caught, or an arrow's expression body settles.
 * Doc: rules/callback-promise-mix.md. */
#ifndef RL_RULES_JS_CALLBACK_PROMISE_MIX_CATCHES_H
#define RL_RULES_JS_CALLBACK_PROMISE_MIX_CATCHES_H

#include "../../analyzer/rule_api.h"

/* Does async function fn catch everything: is every await, `for await`
 * and throw of its body (outside nested functions) inside the try block of
 * a try/catch whose catch (and finally) neither awaits nor throws (outside
 * racelint:strict also a try whose finally ends the process), or an await
 * of `p.catch(h)` with h a function that cannot reject or, when fn is a
 * Promise executor (`executor`), one of fn's own parameters (`await
 * p.catch(reject)`)? An arrow's expression body catches everything when
 * it has no await and its value (an assignment's right side) is an
 * identifier or a literal (`async (r) => finish = r`). */
bool rl_cpm_catches_everything(RlCtx *cx, RlNode fn, bool executor);

#endif
