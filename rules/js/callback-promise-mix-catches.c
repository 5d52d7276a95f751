/* js/callback-promise-mix-catches.c - callback-promise-mix: async
 * callbacks that cannot reject (rules/js/callback-promise-mix-catches.h).
 * Doc: rules/callback-promise-mix.md. */
#include "callback-promise-mix-catches.h"

#include <string.h>

/* Is node i inside the try block of a try/catch within fn whose catch
 * (and finally) neither awaits nor throws, or (exits: racelint:strict
 * off) of a try whose finally ends the process? */
static bool caught_in(RlCtx *cx, RlNode i, RlNode fn, bool exits) {
  for (RlNode c = i, p = rl_parent(cx, i); p && p != fn; c = p, p = rl_parent(cx, p)) {
    if (rl_kind(cx, p) != RL_JS_TRY_STATEMENT || rl_field(cx, c) != RL_F_BODY) continue;
    RlNode h = rl_child(cx, p, RL_F_HANDLER), fin = rl_child(cx, p, RL_F_FINALIZER);
    if (h && !rl_js_may_reject(cx, h) && !(fin && rl_js_may_reject(cx, fin))) return true;
    if (exits && fin && rl_js_finally_exits(cx, fin)) return true;
  }
  return false;
}

/* Is await i of a promise given an inline rejection handler that neither
 * awaits nor throws (`await p.catch((e) => log(e))`), or, in a Promise
 * executor `fn`, one of the executor's own parameters (`await
 * p.catch(reject)`: resolve and reject never throw)? It cannot reject,
 * short of a bug in the handler's synchronous code. (Outside
 * racelint:strict, check_void_return also asks floating-promise's
 * never_rejects.) */
static bool await_caught(RlCtx *cx, RlNode i, RlNode executor) {
  RlNode e = rl_strip(cx, rl_named_child(cx, i, 0));
  if (rl_kind(cx, e) != RL_JS_CALL_EXPRESSION || !rl_js_callee_object(cx, e) ||
      strcmp(rl_js_callee_name(cx, e), "catch") != 0 || rl_js_argc(cx, e) != 1)
    return false;
  RlNode h = rl_strip(cx, rl_js_arg(cx, e, 0));
  if (executor && rl_kind(cx, h) == RL_JS_IDENTIFIER) return rl_js_binding_scope(cx, h) == executor;
  return rl_js_is_function(cx, h) && !rl_js_may_reject(cx, rl_child(cx, h, RL_F_BODY));
}

/* An arrow's expression body that cannot reject: no await or yield in it,
 * and its value (an assignment chain's last right side) a name or a
 * literal, never a call or `new` whose promise the function would adopt
 * (`async (r) => finish = r`). */
static bool expression_settles(RlCtx *cx, RlNode body) {
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end))
    if (rl_kind(cx, i) == RL_JS_AWAIT_EXPRESSION || rl_kind(cx, i) == RL_JS_YIELD_EXPRESSION)
      return false;
  RlNode v = rl_strip(cx, body);
  while (rl_kind(cx, v) == RL_JS_ASSIGNMENT_EXPRESSION)
    v = rl_strip(cx, rl_child(cx, v, RL_F_RIGHT));
  RlKind k = rl_kind(cx, v);
  return k == RL_JS_IDENTIFIER || k == RL_JS_NUMBER || k == RL_JS_STRING || k == RL_JS_TRUE ||
         k == RL_JS_FALSE || k == RL_JS_NULL || k == RL_JS_UNDEFINED;
}

/* Does async function fn catch everything: is every await, `for await`
 * and throw of its body (outside nested functions) inside such a try
 * block, or an await_caught? `executor`: fn is a Promise executor. An
 * expression body must settle (expression_settles). */
bool rl_cpm_catches_everything(RlCtx *cx, RlNode fn, bool executor) {
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return body && expression_settles(cx, body);
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    RlKind k = rl_kind(cx, i);
    bool risky = (k == RL_JS_AWAIT_EXPRESSION && !await_caught(cx, i, executor ? fn : RL_NONE)) ||
                 k == RL_JS_THROW_STATEMENT ||
                 (k == RL_JS_FOR_IN_STATEMENT && rl_has_token(cx, i, "await"));
    if (risky && !caught_in(cx, i, fn, !rl_file_strict(cx))) return false;
  }
  return true;
}
