/* js/floating-promise-combinators.c - Promise statics that cannot reject:
 * `Promise.allSettled(...)`, `Promise.resolve()` of a literal, and
 * `Promise.all` / `Promise.race` (and `Promise.any` over a non-empty array
 * literal) whose every element is a promise that cannot reject. The
 * elements are read from an array literal, a `.map(cb)` /
 * `Array.from(x, cb)` whose callback returns such a promise, or a local
 * array that only ever gets such promises pushed. Outside racelint:strict
 * an element counts with the callee evidence of
 * rules/js/floating-promise-cannot-reject.c (a call of a function that
 * cannot reject, or a call of one import assumed to be such a function,
 * which the project phase checks: rules/floating-promise.c defer_static);
 * racelint:strict takes only what the element's own syntax shows (its
 * own `.catch(h)`, a settled chain, a nested static).
 * Doc: rules/floating-promise.md */
#include "floating-promise.h"

#include <string.h>

static bool eq(RlCtx *cx, RlNode n, const char *s) { return n && rl_text_eq(cx, n, s); }

/* The method of a call `Promise.m(...)` with Promise the global, or NULL. */
static const char *promise_static(RlCtx *cx, RlNode v) {
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION) return NULL;
  RlNode f = rl_strip(cx, rl_child(cx, v, RL_F_FUNCTION));
  if (rl_kind(cx, f) != RL_JS_MEMBER_EXPRESSION) return NULL;
  RlNode o = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
  if (!eq(cx, o, "Promise") || rl_js_resolve(cx, o, NULL) != RL_BIND_FREE) return NULL;
  RlNode m = rl_child(cx, f, RL_F_PROPERTY);
  return m ? rl_text_dup(cx, m) : NULL;
}

/* With bud->assume (outside racelint:strict): `f(...)` (call) or `f`,
 * f the name of an import, assumed to be a function that cannot reject;
 * the project phase checks it (bud->assumed: one import per question, a
 * second, different one fails). */
static bool assumed_import(RlCtx *cx, RlNode n, bool call, RlFpEv *bud) {
  n = rl_strip(cx, n);
  if (call) {
    if (rl_kind(cx, n) != RL_JS_CALL_EXPRESSION) return false;
    n = rl_strip(cx, rl_child(cx, n, RL_F_FUNCTION));
  }
  if (!bud || !bud->assume || rl_file_strict(cx) || rl_kind(cx, n) != RL_JS_IDENTIFIER ||
      rl_js_resolve(cx, n, NULL) != RL_BIND_IMPORT)
    return false;
  const char *name = rl_text_dup(cx, n);
  if (bud->assumed && strcmp(bud->assumed, name) != 0) return false;
  bud->assumed = name;
  return true;
}

/* One element promise that cannot reject: outside racelint:strict any
 * settles_value (callees that cannot reject included) or a call of an
 * assumed_import; in strict only its
 * own syntax: `p.catch(h)` with h a callback that cannot reject, a
 * settled `.then`/`.finally` chain, or a Promise static that cannot. */
static bool element_settles(RlCtx *cx, RlNode e, int depth, RlFpEv *bud) {
  e = rl_strip(cx, e);
  if (!e || depth > 4) return false;
  if (!rl_file_strict(cx))
    return rl_floating_promise_settles_value(cx, e, depth, bud) || assumed_import(cx, e, true, bud);
  if (rl_kind(cx, e) != RL_JS_CALL_EXPRESSION) return false;
  if (rl_floating_promise_settles_only(cx, e, depth, bud)) return true;
  if (!rl_js_callee_object(cx, e)) return false;
  const char *m = rl_js_callee_name(cx, e);
  if (strcmp(m, "catch") == 0)
    return rl_js_argc(cx, e) == 1 &&
           rl_floating_promise_callback_settles(cx, rl_strip(cx, rl_js_arg(cx, e, 0)));
  if (strcmp(m, "then") == 0 || strcmp(m, "finally") == 0)
    return rl_floating_promise_settled_chain_at(cx, e, depth + 1, bud);
  return false;
}

/* Does the callback cb (a function, or the name of one of this file)
 * return a promise that cannot reject? Outside racelint:strict
 * fn_cannot_reject, or an assumed_import (`.map(settle)`, `.map((x) =>
 * settle(x))`); in strict an async cb that never_rejects, or a plain one
 * whose every return (at least one) is an element_settles. */
static bool callback_returns_settled(RlCtx *cx, RlNode cb, int depth, RlFpEv *bud) {
  cb = rl_strip(cx, cb);
  if (rl_kind(cx, cb) == RL_JS_IDENTIFIER) {
    if (assumed_import(cx, cb, false, bud)) return true;
    cb = rl_js_local_function(cx, cb);
  }
  if (!cb || !rl_js_is_function(cx, cb) || rl_js_is_generator(cx, cb)) return false;
  if (!rl_file_strict(cx)) {
    RlNode body = rl_child(cx, cb, RL_F_BODY);
    return rl_floating_promise_fn_cannot_reject(cx, cb, depth + 1, bud) ||
           (!rl_js_is_async(cx, cb) && body && rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK &&
            assumed_import(cx, body, true, bud));
  }
  if (rl_js_is_async(cx, cb)) return rl_floating_promise_never_rejects(cx, cb);
  RlNode body = rl_child(cx, cb, RL_F_BODY);
  if (!body) return false;
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return element_settles(cx, body, depth, bud);
  bool any = false;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    if (rl_kind(cx, i) != RL_JS_RETURN_STATEMENT) continue;
    if (!element_settles(cx, rl_named_child(cx, i, 0), depth, bud)) return false;
    any = true;
  }
  return any;
}

static bool iterable_settles(RlCtx *cx, RlNode it, bool nonempty, int depth, RlFpEv *bud);

/* `const ps = []` (or another iterable_settles) of this file, read at
 * id, whose every other use in its scope is `ps.push(e, ...)` with each
 * e an element_settles, a read of `ps.length`, or the argument of
 * another Promise static (a read). Anything else (handed to another
 * function, reassigned, indexed, concatenated) may add a promise that
 * rejects. */
static bool pushed_array(RlCtx *cx, RlNode id, int depth, RlFpEv *bud) {
  RlNode scope = RL_NONE;
  RlNode decl = rl_js_declaration(cx, id, &scope);
  if (rl_kind(cx, decl) != RL_JS_VARIABLE_DECLARATOR || !scope) return false;
  RlNode name = rl_child(cx, decl, RL_F_NAME), init = rl_child(cx, decl, RL_F_VALUE);
  if (rl_kind(cx, name) != RL_JS_IDENTIFIER || !init ||
      !iterable_settles(cx, init, false, depth, bud))
    return false;
  RlNode end = rl_node_end(cx, scope);
  for (RlNode i = scope; i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if (i == name || i == id ||
        (k != RL_JS_IDENTIFIER && k != RL_JS_SHORTHAND_PROPERTY_IDENTIFIER) ||
        !rl_floating_promise_same_text(cx, i, id))
      continue;
    /* `{ ps }` hands the array on (whichever binding it names) */
    if (k == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER) return false;
    if (rl_js_declaration(cx, i, NULL) != decl) continue;
    /* through `(ps)`, `ps as T[]`, `ps!` */
    RlNode u = i, p = rl_parent(cx, i);
    while (p && rl_strip(cx, p) == i) {
      u = p;
      p = rl_parent(cx, p);
    }
    /* read by another Promise static (`await Promise.all(ps)`) */
    if (rl_kind(cx, p) == RL_JS_ARGUMENTS && promise_static(cx, rl_parent(cx, p)) &&
        rl_js_arg(cx, rl_parent(cx, p), 0) == u)
      continue;
    if (rl_kind(cx, p) != RL_JS_MEMBER_EXPRESSION || rl_child(cx, p, RL_F_OBJECT) != u) return false;
    RlNode prop = rl_child(cx, p, RL_F_PROPERTY);
    if (eq(cx, prop, "length")) continue;
    RlNode call = rl_parent(cx, p);
    if (!eq(cx, prop, "push") || rl_kind(cx, call) != RL_JS_CALL_EXPRESSION ||
        rl_child(cx, call, RL_F_FUNCTION) != p)
      return false;
    uint32_t argc = rl_js_argc(cx, call);
    for (uint32_t a = 0; a < argc; a++) {
      RlNode e = rl_js_arg(cx, call, a);
      if (rl_kind(cx, e) == RL_JS_SPREAD_ELEMENT || !element_settles(cx, e, depth, bud))
        return false;
    }
  }
  return true;
}

/* Is every promise the iterable `it` yields one that cannot reject: an
 * array literal of element_settles (spreads of such iterables), `xs.map(cb)` /
 * `Array.from(xs, cb)` with cb returning one, or a pushed_array? With
 * nonempty (Promise.any, which rejects on an empty iterable), only an
 * array literal with at least one element. */
static bool iterable_settles(RlCtx *cx, RlNode it, bool nonempty, int depth, RlFpEv *bud) {
  it = rl_strip(cx, it);
  /* the budget bounds nesting too (`const ps = [...ps]`) */
  if (!it || depth > 4 || --bud->left < 0) return false;
  RlKind k = rl_kind(cx, it);
  if (k == RL_JS_ARRAY) {
    bool one = false;
    for (RlNode c = rl_first_child(cx, it); c; c = rl_next_sibling(cx, c)) {
      if (rl_is_token(cx, c) || rl_kind(cx, c) == RL_JS_COMMENT) continue;
      if (rl_kind(cx, c) == RL_JS_SPREAD_ELEMENT) {
        if (!iterable_settles(cx, rl_named_child(cx, c, 0), false, depth, bud))
          return false;
        continue;
      }
      if (!element_settles(cx, c, depth, bud)) return false;
      one = true;
    }
    return one || !nonempty;
  }
  if (nonempty) return false;
  if (k == RL_JS_IDENTIFIER) return pushed_array(cx, it, depth, bud);
  if (k != RL_JS_CALL_EXPRESSION) return false;
  const char *m = rl_js_callee_name(cx, it);
  RlNode obj = rl_strip(cx, rl_js_callee_object(cx, it));
  if (strcmp(m, "map") == 0 && obj && rl_js_argc(cx, it) == 1)
    return callback_returns_settled(cx, rl_js_arg(cx, it, 0), depth, bud);
  if (strcmp(m, "from") == 0 && eq(cx, obj, "Array") &&
      rl_js_resolve(cx, obj, NULL) == RL_BIND_FREE && rl_js_argc(cx, it) == 2)
    return callback_returns_settled(cx, rl_js_arg(cx, it, 1), depth, bud);
  return false;
}

bool rl_floating_promise_settles_only(RlCtx *cx, RlNode v, int depth, RlFpEv *bud) {
  v = rl_strip(cx, v);
  const char *m = promise_static(cx, v);
  if (!m || rl_js_argc(cx, v) > 1) return false;
  if (strcmp(m, "allSettled") == 0) return rl_js_argc(cx, v) == 1;
  if (strcmp(m, "resolve") == 0) {
    RlNode a = rl_strip(cx, rl_js_arg(cx, v, 0));
    RlKind k = rl_kind(cx, a);
    return !a || k == RL_JS_STRING || k == RL_JS_NUMBER || k == RL_JS_TRUE || k == RL_JS_FALSE ||
           k == RL_JS_NULL || k == RL_JS_UNDEFINED;
  }
  bool any = strcmp(m, "any") == 0;
  if (!any && strcmp(m, "all") != 0 && strcmp(m, "race") != 0) return false;
  if (!bud || depth > 4 || rl_js_argc(cx, v) != 1) return false;
  return iterable_settles(cx, rl_js_arg(cx, v, 0), any, depth, bud);
}

bool rl_floating_promise_static_settles(RlCtx *cx, RlNode call, const char **assumed) {
  RlFpEv bud = {.left = RL_FLOATING_PROMISE_BUDGET, .assume = assumed != NULL};
  if (!rl_floating_promise_settles_only(cx, call, 0, &bud)) return false;
  if (assumed) *assumed = bud.assumed;
  return true;
}
