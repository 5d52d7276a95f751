/* js/floating-promise-shapes.c - the sub-shapes of the floating-promise
 * check that racelint:strict alone reports, for want of evidence that the
 * promise cannot reject: a dynamic import() loading a module for its
 * effects (entry_import) and a constructor starting an initialisation the
 * class keeps in a field (kept_init). The statement check that asks them
 * is rules/floating-promise.c; the retry-loop sub-shape lives with the
 * evidence it needs (rules/js/floating-promise-cannot-reject.c).
 * Doc: rules/floating-promise.md */
#include "floating-promise.h"

#include <string.h>

static bool eq(RlCtx *cx, RlNode n, const char *s) { return n && rl_text_eq(cx, n, s); }

/* A dynamic `import(...)` that loads a program's module for its effects,
 * where a rejection takes the path a failed static import would: at the
 * top level of the module (outside every function: the failure ends the
 * process with its error, as `node app.mjs` does), or after this file
 * registered a process-wide `process.on('unhandledRejection', f)` (the
 * handler is the intended error path: a process container loading the
 * user's app). */
bool rl_floating_promise_entry_import(RlCtx *cx, RlNode call) {
  if (!rl_enclosing_function(cx, call)) return true;
  for (RlNode i = 1; i < call; i++) {
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    RlNode f = rl_strip(cx, rl_child(cx, i, RL_F_FUNCTION));
    if (rl_kind(cx, f) != RL_JS_MEMBER_EXPRESSION) continue;
    RlNode o = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT)), m = rl_child(cx, f, RL_F_PROPERTY);
    RlNode ev = rl_strip(cx, rl_js_arg(cx, i, 0));
    if (eq(cx, o, "process") && rl_js_resolve(cx, o, NULL) == RL_BIND_FREE &&
        (eq(cx, m, "on") || eq(cx, m, "once") || eq(cx, m, "addListener") ||
         eq(cx, m, "prependListener")) &&
        rl_kind(cx, ev) == RL_JS_STRING && rl_js_argc(cx, i) == 2 &&
        (rl_text_eq(cx, ev, "'unhandledRejection'") || rl_text_eq(cx, ev, "\"unhandledRejection\"")))
      return true;
  }
  return false;
}

/* Is `field` (a `this.x`) kept by fn (assigned there) and awaited by
 * another method of cls (not fn, not the constructor ctor)? */
static bool kept_field(RlCtx *cx, RlNode fn, RlNode ctor, RlNode cls, RlNode field) {
  bool assigned = false;
  RlNode end = rl_node_end(cx, fn), cend = rl_node_end(cx, cls);
  for (RlNode i = fn; i < end && !assigned; i++)
    assigned = rl_kind(cx, i) == RL_JS_ASSIGNMENT_EXPRESSION &&
               rl_floating_promise_same_text(cx, rl_strip(cx, rl_child(cx, i, RL_F_LEFT)), field);
  for (RlNode j = cls; assigned && j < cend; j++) {
    if (j == fn || j == ctor) {
      j = rl_node_end(cx, j) - 1;
      continue;
    }
    if (rl_kind(cx, j) == RL_JS_AWAIT_EXPRESSION &&
        rl_floating_promise_same_text(cx, rl_strip(cx, rl_named_child(cx, j, 0)), field))
      return true;
  }
  return false;
}

bool rl_floating_promise_in_try_block(RlCtx *cx, RlNode n, RlNode fn) {
  for (RlNode c = n, p = rl_parent(cx, n); p && p != fn; c = p, p = rl_parent(cx, p))
    if (rl_kind(cx, p) == RL_JS_TRY_STATEMENT && rl_field(cx, c) == RL_F_BODY &&
        rl_child(cx, p, RL_F_HANDLER))
      return true;
  return false;
}

/* `this.m()` in a constructor (which cannot await), m a method of the same
 * class whose only rejections are those of promises it keeps in fields
 * (every await outside a try is `await this.ready`, `this.ready` assigned
 * in m and awaited by another method of the class; no throw or returned
 * call outside a try): the constructor starts the object's
 * initialisation, and every method that needs it waits on the kept
 * promise and sees its rejection. racelint:strict reports it. */
bool rl_floating_promise_kept_init(RlCtx *cx, RlNode call, RlNode fn) {
  RlNode ctor = rl_enclosing_function(cx, call);
  if (rl_kind(cx, ctor) != RL_JS_METHOD_DEFINITION ||
      !eq(cx, rl_child(cx, ctor, RL_F_NAME), "constructor") ||
      rl_kind(cx, fn) != RL_JS_METHOD_DEFINITION || !rl_js_is_async(cx, fn))
    return false;
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (rl_kind(cx, f) != RL_JS_MEMBER_EXPRESSION ||
      rl_kind(cx, rl_strip(cx, rl_child(cx, f, RL_F_OBJECT))) != RL_JS_THIS)
    return false;
  RlNode cls = rl_js_this_class(cx, f);
  if (!cls || fn < cls || fn >= rl_node_end(cx, cls)) return false;
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  RlNode end = body ? rl_node_end(cx, body) : RL_NONE;
  bool any = false;
  for (RlNode i = body; i && i < end; i = rl_js_own_next(cx, i, end)) {
    RlKind k = rl_kind(cx, i);
    RlNode o = k == RL_JS_AWAIT_EXPRESSION || k == RL_JS_RETURN_STATEMENT
                   ? rl_strip(cx, rl_named_child(cx, i, 0))
                   : RL_NONE;
    if (k == RL_JS_AWAIT_EXPRESSION && rl_kind(cx, o) == RL_JS_MEMBER_EXPRESSION &&
        rl_kind(cx, rl_strip(cx, rl_child(cx, o, RL_F_OBJECT))) == RL_JS_THIS &&
        kept_field(cx, fn, ctor, cls, o)) {
      any = true;
      continue;
    }
    bool risky = k == RL_JS_AWAIT_EXPRESSION || k == RL_JS_THROW_STATEMENT ||
                 (k == RL_JS_FOR_IN_STATEMENT && rl_has_token(cx, i, "await")) ||
                 (k == RL_JS_RETURN_STATEMENT &&
                  (rl_kind(cx, o) == RL_JS_CALL_EXPRESSION || rl_kind(cx, o) == RL_JS_NEW_EXPRESSION));
    if (risky && !rl_floating_promise_in_try_block(cx, i, fn)) return false;
  }
  return any;
}
