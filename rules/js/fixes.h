/* fixes.h - the mechanical fixes of JS rules that need more than one edit
 * (docs/fixes.md): each builder looks at the shape of a finding and adds a
 * fix to the report only when the shape is the simple one it knows how to
 * rewrite; otherwise it adds nothing. Defined in fixes.c. Every fix here is
 * RL_FIX_UNSAFE: none has a behavioural test that shows the behaviour kept
 * (the one safe JS fix, callback-promise-mix's, is in that rule's file). */
#ifndef RL_RULES_JS_FIXES_H
#define RL_RULES_JS_FIXES_H

#include "../../analyzer/rule_api.h"

/* sequential-await: statements st[i] (each awaiting await_[i], whose operand
 * is call[i], bound to binder[i]) are independent reads: start them together
 * with one `await Promise.all([...])`. */
void rl_js_fix_sequential(RlCtx *cx, RlReport *r, const RlNode *st, const RlNode *await_,
                          const RlNode *call, const RlNode *binder, uint32_t n);

/* lazy-init-race: `x = await create()` (w, an assignment to a module-level
 * `let x` of this file): share the pending creation in a new `let xInit`
 * (`x = await (xInit ??= create().catch(reset))`), so concurrent callers
 * wait for one creation and a failed one is retried. */
void rl_js_fix_lazy(RlCtx *cx, RlReport *r, RlNode w);

/* check-then-act: `if (!existsSync(p)) { await writeFile(p, data); }` (use,
 * the writeFile call; check, the existsSync call): create it with the 'wx'
 * flag and ignore EEXIST, so the check and the creation are one step. */
void rl_js_fix_exists_write(RlCtx *cx, RlReport *r, RlNode use, RlNode check);

/* callback-promise-mix: `const ok = xs.filter(async (x) => ...)` in an
 * async function: await the predicates with Promise.all(xs.map(...)), then
 * filter by their answers. */
void rl_js_fix_async_filter(RlCtx *cx, RlReport *r, RlNode call);

/* promise-all-mutation: `Promise.all(xs)` (call) -> the runtime's
 * `settleAll(xs)`, which waits for every operation and then rejects with
 * one SettleAllError naming each failure, with `settleAll` imported from
 * '@racelint/runtime' once (added to an existing import or require of the
 * runtime, else a new one after the file's last import or require:
 * `import` in a module, `require()` in CommonJS; nothing when the file
 * shows neither, or `settleAll` names something else). The fix goes to
 * `r`, or, when `r` is NULL, to fact `f` (the candidate phase 2 reports:
 * the last fact recorded). RL_FIX_UNSAFE: the rejection comes later and
 * is a SettleAllError, not the first failure's own error. */
void rl_js_fix_settle_all(RlCtx *cx, RlNode call, RlReport *r, RlFact *f);

/* callback-promise-mix: `new Promise(async (resolve, reject) => { body })`
 * (exec, the inline executor): the executor loses `async` and runs the
 * body in an inner async arrow whose rejection rejects the promise:
 * `new Promise((resolve, reject) => { (async () => { body })().catch(reject); })`
 * (a `reject` parameter is added when the executor has only `resolve`).
 * The body runs at the same moment with the same `this` and `arguments`;
 * only a throw changes: it now rejects the promise instead of going
 * unhandled and leaving the promise pending. */
void rl_js_fix_async_executor(RlCtx *cx, RlReport *r, RlNode exec);

/* callback-promise-mix: `f(args, (err, val) => { if (err) throw err; body })`
 * (call; cb, its last argument, a Node-style callback; outer, the async
 * function whose body's last statement the call is), f an fs or dns
 * function with a promise twin, imported alone (`import { readFile } from
 * 'node:fs'`: the import moves to 'node:fs/promises') or called on the
 * module (`fs.readFile` -> `fs.promises.readFile`): `const val = await
 * f(args);` then the body, in the function. An error branch `if (err) {
 * ...; return; }` becomes a try/catch around the await. Defined in
 * callback-promise-mix-fix-node.c. RL_FIX_UNSAFE: the function now waits
 * for the call and rejects with its error (the bug fix), which callers
 * see. */
void rl_js_fix_node_promise(RlCtx *cx, RlReport *r, RlNode call, RlNode cb, RlNode outer);

/* floating-promise: the call `at` -> `at.catch((err) => logger.error(err))`
 * when the file logs with a `logger`, `log` (one binding in the file,
 * whose scope holds `at`) or the global `console` (in that order), shown
 * by a call of its `.error` in the file. To r, or (r NULL) to fact f.
 * RL_FIX_UNSAFE: the rejection is logged and swallowed; nothing waits. */
void rl_js_fix_catch_logger(RlCtx *cx, RlReport *r, RlFact *f, RlNode at);

/* Is expression n an Array, as far as this file shows: an array literal;
 * Object.keys/values/entries(), Array.from/of() (the globals); map,
 * filter, slice, concat, flat, flatMap of an Array; or a `const` (no type
 * written) initialised with one. Used to choose a fix whose meaning holds
 * for Arrays only (callback-promise-mix's Promise.all(xs.map(cb))).
 * `depth`: 0 (bounds the walk through consts). */
bool rl_js_fix_is_array(RlCtx *cx, RlNode n, int depth);

#endif
