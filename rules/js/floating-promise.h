/* js/floating-promise.h - what the two parts of the floating-promise
 * check share: the statement check (rules/floating-promise.c, both phases)
 * asks the cannot-reject evidence (rules/js/floating-promise-cannot-reject.c)
 * whether a promise, a chain or a callee can reject. All of it reads one
 * file's syntax through cx; returned strings are the file's arena's. */
#ifndef RL_RULES_JS_FLOATING_PROMISE_H
#define RL_RULES_JS_FLOATING_PROMISE_H

#include "../../analyzer/rule_api.h"

/* How many callees one question may follow (bud of the functions below
 * that take one). */
enum { RL_FLOATING_PROMISE_BUDGET = 64 };

/* What one cannot-reject question may still do (the `bud` of the functions
 * below): left = how many callees it may follow; assume = whether a
 * callback that names an import (`.catch(noop)`, noop imported) may count
 * as one that cannot reject for now, the project phase checking that the
 * import is a function with an empty body; assumed = that import's local
 * name (one per question: a second, different one fails). */
typedef struct RlFpEv {
  int left;
  bool assume;
  const char *assumed;
  /* set when the answer rests on handled_value: the callee hands back a
   * promise that already has a rejection handler (dropping this copy
   * loses nothing, but a `.then(f)` on it can still reject) */
  bool handled;
} RlFpEv;

/* Section - promises that cannot reject */

/* An async function every await, throw and returned call of which sits in
 * the try block of a try/catch (racelint:strict's evidence). */
bool rl_floating_promise_never_rejects(RlCtx *cx, RlNode fn);
/* A callback that cannot reject: a block body that never_rejects, or an
 * expression body that calls nothing, or only reports (console.x(...)),
 * or the name of a function of this file with an empty body or one of
 * those. */
bool rl_floating_promise_callback_settles(RlCtx *cx, RlNode fn);
/* Is fn a function whose body is an empty block (`function noop() {}`)? */
bool rl_floating_promise_fn_empty(RlCtx *cx, RlNode fn);
/* Is `call` a chain of `.then(f)` / `.finally(f)` whose callbacks cannot
 * reject, on a promise that cannot reject? */
bool rl_floating_promise_settled_chain(RlCtx *cx, RlNode call);
/* A function whose promise cannot reject: async and never rejecting (with
 * depth >= 0, also through callees that cannot), or not async and every
 * `return` (at least one) hands back a promise that cannot reject. depth
 * counts the callees followed, *bud the callees one question may still
 * follow (start at RL_FLOATING_PROMISE_BUDGET). */
bool rl_floating_promise_fn_cannot_reject(RlCtx *cx, RlNode fn, int depth, RlFpEv *bud);

/* A value that is a promise which cannot reject: a resolve-only
 * `new Promise`, settles_only (below), `p.catch(h)` with h a callback
 * that cannot reject, a settled `.then`/`.finally` chain, or a call of a
 * function that cannot reject (evidence: callers outside racelint:strict
 * only). depth and bud as for fn_cannot_reject. */
bool rl_floating_promise_settles_value(RlCtx *cx, RlNode v, int depth, RlFpEv *bud);
/* settled_chain with the depth and budget of a question already asked
 * (vdepth: the callees followed so far). */
bool rl_floating_promise_settled_chain_at(RlCtx *cx, RlNode call, int vdepth, RlFpEv *bud);

/* Section - Promise statics that cannot reject
 * (rules/js/floating-promise-combinators.c) */

/* `Promise.allSettled(x)`, `Promise.resolve()` of nothing or a literal,
 * or `Promise.all(x)` / `Promise.race(x)` / `Promise.any([...])` whose
 * every element promise cannot reject: an array literal, `xs.map(cb)`,
 * `Array.from(xs, cb)` (cb returns such a promise) or a local array that
 * only gets such promises pushed (`ps.push(p)`). Outside racelint:strict
 * an element may rest on settles_value's callee evidence; in strict only
 * on its own syntax (its `.catch(h)`, a settled chain, such a static). */
bool rl_floating_promise_settles_only(RlCtx *cx, RlNode v, int depth, RlFpEv *bud);
/* settles_only for a statement's call, with a fresh budget. With
 * assumed non-NULL, an element may call an import (or `.map` may take
 * one) assumed to be a function that cannot reject: *assumed receives its
 * local name (NULL when none was needed), for the project phase to check. */
bool rl_floating_promise_static_settles(RlCtx *cx, RlNode call, const char **assumed);

/* `call` (which runs fn) hands back a promise that cannot reject: fn
 * cannot reject (above), or, for this call's arguments, fn returns a
 * variable it last set to `v.catch(h)` (h cannot reject) under a condition
 * that holds when an optional parameter the call leaves out is undefined
 * (`if (!opts?.throwOnError) p = p.catch(noop); return p`). */
bool rl_floating_promise_call_cannot_reject(RlCtx *cx, RlNode call, RlNode fn, RlFpEv *bud);

/* Is `call` a step of a hand-written retry loop: a `.then(f)` chain on a
 * promise that cannot reject (`sleep(ms)`, a callee that cannot reject)
 * whose callbacks neither throw nor await outside a try, and whose last
 * callback starts the loop's next round (calls the local function around
 * it that such a chain calls again, or is that function: `.then(run)`)?
 * Its result goes out through the promise the loop settles. */
bool rl_floating_promise_retry_step(RlCtx *cx, RlNode call);

/* For each function of this file with a written return type naming an
 * interface of this file (`function make(): Retryer<T>`) whose every
 * return is an object literal: calls add(cx, member, key, ev, arg) for each
 * function-valued property `key` of the literals that cannot reject in
 * every literal (member = the interface's member node; ev says what the
 * answer rests on). */
void rl_floating_promise_factory_members(RlCtx *cx,
                                         void (*add)(RlCtx *cx, RlNode member, const char *key,
                                                     const RlFpEv *ev, void *arg),
                                         void *arg);

/* Section - sub-shapes for racelint:strict only
 * (rules/js/floating-promise-shapes.c) */

/* A dynamic `import(...)` loading a module for its effects: at the top
 * level of the module, or after this file registered a process-wide
 * `process.on('unhandledRejection', f)`. */
bool rl_floating_promise_entry_import(RlCtx *cx, RlNode call);
/* `this.m()` in a constructor, fn (m) an async method of the same class
 * whose every rejection is that of a promise it keeps in a field another
 * method awaits. */
bool rl_floating_promise_kept_init(RlCtx *cx, RlNode call, RlNode fn);

/* Section - which function a call runs */

/* The function a call runs, as far as this file tells: a local function,
 * what rl_js_returns_promise found, `this.m()` or `this[k]()` of this
 * class (or a class it extends here), `x.m()` / `x[k]()` on an instance
 * of a class of this file; none for `this.m()` when a subclass here
 * overrides m with a member that may reject. */
RlNode rl_floating_promise_callee_fn(RlCtx *cx, RlNode call, int depth, RlFpEv *bud);
/* `this.m()` / `this[k]()` in a class of this file that a subclass here
 * overrides with a member that may reject? */
bool rl_floating_promise_this_override_may_reject(RlCtx *cx, RlNode call, int depth, RlFpEv *bud);
/* The name of the class a member call's receiver `recv` is an instance
 * of, as written here: a written type or `new C()`, or, for a field
 * `this.f`, the class C of `new C()` that every assignment to it in its
 * class sets. RL_NONE when unknown. */
RlNode rl_floating_promise_receiver_type_name(RlCtx *cx, RlNode recv);
/* The key a member call names, as a class member's name reads: `m` for
 * `x.m()`, `[k]` for `x[k]()` with k a name. NULL otherwise. */
const char *rl_floating_promise_member_key(RlCtx *cx, RlNode f);
/* The name node of the class cls extends (the first name in its `extends`
 * clause), or RL_NONE. */
RlNode rl_floating_promise_base_name(RlCtx *cx, RlNode cls);
/* Do a and b have the same source text? */
bool rl_floating_promise_same_text(RlCtx *cx, RlNode a, RlNode b);
/* Is n inside the try block (not the catch or finally) of a try
 * statement with a catch clause, within fn? */
bool rl_floating_promise_in_try_block(RlCtx *cx, RlNode n, RlNode fn);

#endif
