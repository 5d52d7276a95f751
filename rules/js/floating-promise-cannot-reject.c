/* js/floating-promise-cannot-reject.c - the evidence of the
 * floating-promise check that a promise cannot reject: async functions
 * whose every await, throw and returned call sits in a try
 * (never_rejects), `.then(f)` / `.finally(f)` chains whose callbacks cannot
 * reject on a promise that cannot (settled_chain), and callees of this file
 * that provably cannot reject (fn_cannot_reject: a resolve-only executor, a
 * returned `.catch(h)` chain, and the classes, receivers and overrides that
 * decide which function a call runs). Everything here reads one file's
 * syntax; the statement check is rules/floating-promise.c.
 * Doc: rules/floating-promise.md */
#include "floating-promise.h"

#include <string.h>

static bool eq(RlCtx *cx, RlNode n, const char *s) { return n && rl_text_eq(cx, n, s); }

static bool in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, list[i]) == 0) return true;
  return false;
}

/* Is n inside the try block of a try/catch within fn (or, when exits,
 * of a try whose finally ends the process)? */
static bool in_try(RlCtx *cx, RlNode n, RlNode fn, bool exits) {
  for (RlNode c = n, p = rl_parent(cx, n); p && p != fn; c = p, p = rl_parent(cx, p)) {
    if (rl_kind(cx, p) != RL_JS_TRY_STATEMENT || rl_field(cx, c) != RL_F_BODY) continue;
    if (rl_child(cx, p, RL_F_HANDLER)) return true;
    RlNode fin = rl_child(cx, p, RL_F_FINALIZER);
    if (exits && fin && rl_js_finally_exits(cx, fin)) return true;
  }
  return false;
}

/* Is n inside the catch clause of a try statement within fn? */
static bool in_catch(RlCtx *cx, RlNode n, RlNode fn) {
  for (RlNode p = rl_parent(cx, n); p && p != fn; p = rl_parent(cx, p))
    if (rl_kind(cx, p) == RL_JS_CATCH_CLAUSE) return true;
  return false;
}

/* Is `call` (a call, or an await of one) fn calling itself: `f(...)` or
 * `this.m(...)` that resolves to fn, with arguments that call nothing? A
 * recursive call rejects only when some other await, throw or call of fn
 * does, which the caller checks. */
static bool calls_inside(RlCtx *cx, RlNode n);
static bool self_call(RlCtx *cx, RlNode call, RlNode fn) {
  call = rl_strip(cx, call);
  if (rl_kind(cx, call) == RL_JS_AWAIT_EXPRESSION) call = rl_strip(cx, rl_named_child(cx, call, 0));
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION || calls_inside(cx, rl_child(cx, call, RL_F_ARGUMENTS)))
    return false;
  RlFpEv bud = {.left = 2};
  return rl_floating_promise_callee_fn(cx, call, 3, &bud) == fn;
}

/* `await sleep(ms)` / `await delay(ms)`: a timer, which does not reject. */
static bool awaits_delay(RlCtx *cx, RlNode aw) {
  RlNode c = rl_strip(cx, rl_named_child(cx, aw, 0));
  if (rl_kind(cx, c) != RL_JS_CALL_EXPRESSION) return false;
  RlNode f = rl_strip(cx, rl_child(cx, c, RL_F_FUNCTION));
  return rl_kind(cx, f) == RL_JS_IDENTIFIER && (eq(cx, f, "sleep") || eq(cx, f, "delay"));
}

static bool settles_value(RlCtx *cx, RlNode v, int depth, RlFpEv *bud);
static bool report_only_call(RlCtx *cx, RlNode call);

/* An async function that cannot reject (short of a programming error in
 * its synchronous code): every await, `for await`, throw and returned call
 * in its body sits in the try block of a try/catch (so a catch that
 * rethrows does not count), except an await of sleep()/delay(). With
 * depth >= 0 (racelint:strict off), also: an await or a returned value
 * that settles_value says cannot reject, and a try whose finally ends the
 * process (rl_js_finally_exits); but then any other call outside a try (one
 * that only logs or exits aside) counts as a throw too. depth bounds the
 * callees followed. */
static bool never_rejects_at(RlCtx *cx, RlNode fn, int depth, RlFpEv *bud) {
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    RlKind k = rl_kind(cx, i);
    /* outside racelint:strict, an await in a catch clause is the
     * function's recovery from its own failure (a cleanup, a log write, a
     * retry's bookkeeping): its failure is a second one, not counted */
    bool risky = (k == RL_JS_AWAIT_EXPRESSION && !awaits_delay(cx, i) &&
                  !(depth >= 0 && settles_value(cx, rl_named_child(cx, i, 0), depth, bud)) &&
                  !(!rl_file_strict(cx) && in_catch(cx, i, fn)) && !self_call(cx, i, fn)) ||
                 k == RL_JS_THROW_STATEMENT ||
                 (k == RL_JS_FOR_IN_STATEMENT && rl_has_token(cx, i, "await"));
    /* evidence: any other call outside a try can throw, which rejects */
    if (depth >= 0 && (k == RL_JS_CALL_EXPRESSION || k == RL_JS_NEW_EXPRESSION) &&
        rl_kind(cx, rl_parent(cx, i)) != RL_JS_AWAIT_EXPRESSION &&
        rl_kind(cx, rl_parent(cx, i)) != RL_JS_RETURN_STATEMENT && !report_only_call(cx, i) &&
        !in_try(cx, i, fn, true) && !settles_value(cx, i, depth, bud))
      return false;
    if (k == RL_JS_RETURN_STATEMENT) {
      RlNode v = rl_named_child(cx, i, 0);
      RlNode vend = v ? rl_node_end(cx, v) : RL_NONE;
      if ((depth >= 0 && v && settles_value(cx, v, depth, bud)) || (v && self_call(cx, v, fn)))
        vend = RL_NONE;
      for (RlNode j = v; j && j < vend && !risky; j++)
        risky = rl_kind(cx, j) == RL_JS_CALL_EXPRESSION || rl_kind(cx, j) == RL_JS_NEW_EXPRESSION;
    }
    if (risky && !in_try(cx, i, fn, depth >= 0)) return false;
  }
  return true;
}

bool rl_floating_promise_never_rejects(RlCtx *cx, RlNode fn) {
  RlFpEv bud = {.left = 0};
  return never_rejects_at(cx, fn, -1, &bud);
}

/* Section - chains on a promise that cannot reject */

bool rl_floating_promise_same_text(RlCtx *cx, RlNode a, RlNode b) {
  size_t la, lb;
  const char *ta = rl_text(cx, a, &la), *tb = rl_text(cx, b, &lb);
  return la == lb && memcmp(ta, tb, la) == 0;
}

/* The value `name` (an identifier or `this.x`) holds at `use`, as far as
 * the statements before use's statement in the same block tell: the last
 * `name = v` or `const name = v` there, RL_NONE when there is none. */
static RlNode value_before(RlCtx *cx, RlNode name, RlNode use) {
  RlNode st = use, blk = rl_parent(cx, use);
  while (blk && rl_kind(cx, blk) != RL_JS_STATEMENT_BLOCK && rl_kind(cx, blk) != RL_JS_PROGRAM) {
    if (rl_js_is_function(cx, blk)) return RL_NONE;
    st = blk;
    blk = rl_parent(cx, blk);
  }
  RlNode v = RL_NONE;
  for (RlNode s = rl_first_child(cx, blk); s && s != st; s = rl_next_sibling(cx, s)) {
    RlKind k = rl_kind(cx, s);
    if (k == RL_JS_EXPRESSION_STATEMENT) {
      RlNode a = rl_strip(cx, rl_named_child(cx, s, 0));
      if (rl_kind(cx, a) == RL_JS_ASSIGNMENT_EXPRESSION &&
          rl_floating_promise_same_text(cx, rl_child(cx, a, RL_F_LEFT), name))
        v = rl_child(cx, a, RL_F_RIGHT);
    } else if (k == RL_JS_LEXICAL_DECLARATION || k == RL_JS_VARIABLE_DECLARATION) {
      for (RlNode d = rl_first_child(cx, s); d; d = rl_next_sibling(cx, d))
        if (rl_kind(cx, d) == RL_JS_VARIABLE_DECLARATOR &&
            rl_floating_promise_same_text(cx, rl_child(cx, d, RL_F_NAME), name))
          v = rl_child(cx, d, RL_F_VALUE);
    }
  }
  return v;
}

/* A call that returns no promise and only reports: `console.x(...)`,
 * `process.exit(n)`, or a log level of a logger (`this.logger.error(e)`,
 * `log.warn(e)`), or schedules (a global timer call: `clearTimeout(t)`,
 * `setTimeout(f, ms)`), with arguments that call nothing (a function
 * given to a timer runs later, on its own). */
static const char *const log_levels[] = {"error", "warn", "info", "debug", "trace", "log", "fatal"};
static const char *const timer_calls[] = {"clearTimeout", "clearInterval", "clearImmediate",
                                          "setTimeout",   "setInterval",   "setImmediate"};
static bool report_only_at(RlCtx *cx, RlNode call, int depth);
static bool report_only_call(RlCtx *cx, RlNode call) { return report_only_at(cx, call, 0); }

/* The declarator of `const id = ...` that binds id (RL_NONE when id is
 * not such a const). */
static RlNode const_declarator(RlCtx *cx, RlNode id) {
  RlNode scope = rl_js_binding_scope(cx, id);
  RlNode end = scope ? rl_node_end(cx, scope) : RL_NONE;
  for (RlNode i = scope; i && i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_VARIABLE_DECLARATOR ||
        !rl_floating_promise_same_text(cx, rl_child(cx, i, RL_F_NAME), id))
      continue;
    RlNode d = rl_parent(cx, i);
    return rl_kind(cx, d) == RL_JS_LEXICAL_DECLARATION && rl_has_token(cx, d, "const") ? i
                                                                                     : RL_NONE;
  }
  return RL_NONE;
}

/* Is the identifier id a `const` of its scope initialised with a global
 * timer call (`const t = setInterval(f, ms)`)? */
static bool timer_const(RlCtx *cx, RlNode id) {
  RlNode i = const_declarator(cx, id);
  RlNode v = i ? rl_strip(cx, rl_child(cx, i, RL_F_VALUE)) : RL_NONE;
  RlNode f = rl_kind(cx, v) == RL_JS_CALL_EXPRESSION ? rl_strip(cx, rl_child(cx, v, RL_F_FUNCTION))
                                                    : RL_NONE;
  return rl_kind(cx, f) == RL_JS_IDENTIFIER && rl_js_resolve(cx, f, NULL) == RL_BIND_FREE &&
         in_list(rl_text_dup(cx, f), timer_calls, 6);
}

/* A timer handle's own methods (`t.unref()`, `t.ref()`, t a timer_const)
 * and Deno's (`Deno.unrefTimer(t)`): they do not throw. */
static bool timer_handle_call(RlCtx *cx, RlNode f) {
  RlNode o = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT)), m = rl_child(cx, f, RL_F_PROPERTY);
  if (eq(cx, o, "Deno") && rl_js_resolve(cx, o, NULL) == RL_BIND_FREE)
    return eq(cx, m, "unrefTimer") || eq(cx, m, "refTimer");
  return rl_kind(cx, o) == RL_JS_IDENTIFIER && (eq(cx, m, "unref") || eq(cx, m, "ref")) &&
         timer_const(cx, o);
}

/* `new Date(...)` or a method call on one (`new Date().toISOString()`):
 * a timestamp for a log line. */
static bool timestamp(RlCtx *cx, RlNode n) {
  n = rl_strip(cx, n);
  if (rl_kind(cx, n) == RL_JS_CALL_EXPRESSION) {
    RlNode f = rl_strip(cx, rl_child(cx, n, RL_F_FUNCTION));
    if (rl_kind(cx, f) != RL_JS_MEMBER_EXPRESSION || rl_js_argc(cx, n) != 0) return false;
    n = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
  }
  return rl_kind(cx, n) == RL_JS_NEW_EXPRESSION &&
         eq(cx, rl_strip(cx, rl_child(cx, n, RL_F_CONSTRUCTOR)), "Date");
}

/* A method of this class that only reports (`this._debug(...)`): not
 * async, no throw, and every call in it a report_only_at, a timestamp,
 * a call of the object's own logger function (`this.logger(...)`), or
 * inside the try block of a try/catch. */
static bool quiet_method(RlCtx *cx, RlNode fn, int depth) {
  if (!rl_js_is_function(cx, fn) || rl_js_is_async(cx, fn) || rl_js_is_generator(cx, fn))
    return false;
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_THROW_STATEMENT || k == RL_JS_AWAIT_EXPRESSION) return false;
    if (k != RL_JS_CALL_EXPRESSION && k != RL_JS_NEW_EXPRESSION) continue;
    if (in_try(cx, i, fn, false) || timestamp(cx, i) || report_only_at(cx, i, depth + 1)) continue;
    RlNode f = k == RL_JS_CALL_EXPRESSION ? rl_strip(cx, rl_child(cx, i, RL_F_FUNCTION)) : RL_NONE;
    if (rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION &&
        rl_kind(cx, rl_strip(cx, rl_child(cx, f, RL_F_OBJECT))) == RL_JS_THIS &&
        eq(cx, rl_child(cx, f, RL_F_PROPERTY), "logger"))
      continue;
    return false;
  }
  return true;
}

static bool report_only_at(RlCtx *cx, RlNode call, int depth) {
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return false;
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  /* a global timer call: it schedules or cancels, and does not throw */
  if (rl_kind(cx, f) == RL_JS_IDENTIFIER && rl_js_resolve(cx, f, NULL) == RL_BIND_FREE &&
      in_list(rl_text_dup(cx, f), timer_calls, RL_COUNTOF(timer_calls)))
    return !calls_inside(cx, rl_child(cx, call, RL_F_ARGUMENTS));
  if (rl_kind(cx, f) != RL_JS_MEMBER_EXPRESSION) return false;
  if (timer_handle_call(cx, f)) return !calls_inside(cx, rl_child(cx, call, RL_F_ARGUMENTS));
  RlNode o = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT)), m = rl_child(cx, f, RL_F_PROPERTY);
  /* `this.m(...)`: a method of this class that only reports, two deep */
  if (rl_kind(cx, o) == RL_JS_THIS && depth < 2 && m &&
      !calls_inside(cx, rl_child(cx, call, RL_F_ARGUMENTS))) {
    RlNode cls = rl_js_this_class(cx, f);
    RlNode fn = cls ? rl_js_class_member(cx, cls, rl_text_dup(cx, m), false) : RL_NONE;
    RlFpEv bud = {.left = 8};
    if (fn && quiet_method(cx, fn, depth) &&
        !rl_floating_promise_this_override_may_reject(cx, call, 4, &bud))
      return true;
  }
  if (rl_kind(cx, o) == RL_JS_MEMBER_EXPRESSION) o = rl_child(cx, o, RL_F_PROPERTY);
  bool ok = (eq(cx, o, "console") && rl_kind(cx, rl_child(cx, f, RL_F_OBJECT)) == RL_JS_IDENTIFIER) ||
            (eq(cx, o, "process") && eq(cx, m, "exit"));
  if (!ok && (eq(cx, o, "logger") || eq(cx, o, "log")) && m) {
    const char *mn = rl_text_dup(cx, m);
    ok = in_list(mn, log_levels, RL_COUNTOF(log_levels));
  }
  return ok && !calls_inside(cx, rl_child(cx, call, RL_F_ARGUMENTS));
}

/* Does n contain a call, `new` or await (nested functions aside)? */
static bool calls_inside(RlCtx *cx, RlNode n) {
  RlNode end = n ? rl_node_end(cx, n) : RL_NONE;
  for (RlNode i = n; i && i < end; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_CALL_EXPRESSION || k == RL_JS_NEW_EXPRESSION || k == RL_JS_AWAIT_EXPRESSION)
      return true;
  }
  return false;
}

/* Is fn a function whose body is an empty block (`function noop() {}`,
 * `() => {}`; comments aside)? */
bool rl_floating_promise_fn_empty(RlCtx *cx, RlNode fn) {
  if (!rl_js_is_function(cx, fn) || rl_js_is_generator(cx, fn)) return false;
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  for (RlNode c = rl_first_child(cx, body); c; c = rl_next_sibling(cx, c))
    if (!rl_is_token(cx, c) && rl_kind(cx, c) != RL_JS_COMMENT) return false;
  return true;
}

/* A callback that cannot reject: a block body that never_rejects, or an
 * expression body that calls nothing, or only a report_only_call; or a
 * name: a function of this file with an empty body or one of the former,
 * or, when bud->assume, an import (bud->assumed, checked in phase 2). */
static bool callback_settles_ev(RlCtx *cx, RlNode fn, RlFpEv *bud) {
  if (rl_kind(cx, fn) == RL_JS_IDENTIFIER) {
    RlNode local = RL_NONE;
    RlJsBinding b = rl_js_resolve(cx, fn, &local);
    if (b == RL_BIND_LOCAL)
      return local && !rl_js_is_async(cx, local) &&
             (rl_floating_promise_fn_empty(cx, local) ||
              (local != fn && rl_floating_promise_callback_settles(cx, local)));
    if (b != RL_BIND_IMPORT || !bud || !bud->assume) return false;
    const char *name = rl_text_dup(cx, fn);
    if (bud->assumed && strcmp(bud->assumed, name) != 0) return false;
    bud->assumed = name;
    return true;
  }
  if (!rl_js_is_function(cx, fn)) return false;
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (rl_kind(cx, body) == RL_JS_STATEMENT_BLOCK) return rl_floating_promise_never_rejects(cx, fn);
  if (rl_js_is_async_fn(cx, fn) && calls_inside(cx, body)) return false;
  body = rl_strip(cx, body);
  return !calls_inside(cx, body) || report_only_call(cx, body);
}

bool rl_floating_promise_callback_settles(RlCtx *cx, RlNode fn) {
  return callback_settles_ev(cx, fn, NULL);
}

/* Is `call` a chain of `.then(f)` / `.finally(f)` on a promise that cannot
 * reject (a Promise static: settles_only, floating-promise-combinators.c;
 * called in place or assigned just before in the same block; or any promise's `.catch(h)`, h a callback that cannot
 * reject), each f a callback that cannot reject either (callback_settles:
 * no throw, await or returned call outside a try, or an expression that
 * only logs or exits)? Then only a bug in f's synchronous code can reject
 * it, as it could throw from any callback. */
static bool callee_settles(RlCtx *cx, RlNode call, int depth, RlFpEv *bud);
static bool resolve_only_promise(RlCtx *cx, RlNode v);
static bool settled_chain_at(RlCtx *cx, RlNode call, int vdepth, RlFpEv *bud) {
  RlNode use = call;
  for (int depth = 0; depth < 32; depth++) {
    if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return false;
    const char *m = rl_js_callee_name(cx, call);
    if (depth > 0 && strcmp(m, "catch") == 0 && rl_js_argc(cx, call) == 1)
      return callback_settles_ev(cx, rl_strip(cx, rl_js_arg(cx, call, 0)), bud);
    if (strcmp(m, "then") != 0 && strcmp(m, "finally") != 0)
      return depth > 0 && (rl_floating_promise_settles_only(cx, call, vdepth, bud) ||
                           (!rl_file_strict(cx) && callee_settles(cx, call, vdepth, bud)));
    RlNode cb = rl_strip(cx, rl_js_arg(cx, call, 0));
    if (rl_js_argc(cx, call) != 1 || !callback_settles_ev(cx, cb, bud)) return false;
    RlNode obj = rl_strip(cx, rl_js_callee_object(cx, call));
    RlKind ok = rl_kind(cx, obj);
    if (ok == RL_JS_NEW_EXPRESSION) return !rl_file_strict(cx) && resolve_only_promise(cx, obj);
    if (ok == RL_JS_IDENTIFIER ||
        (ok == RL_JS_MEMBER_EXPRESSION &&
         rl_kind(cx, rl_strip(cx, rl_child(cx, obj, RL_F_OBJECT))) == RL_JS_THIS)) {
      RlNode v = value_before(cx, obj, use);
      return v && rl_floating_promise_settles_only(cx, v, vdepth, bud);
    }
    call = obj;
  }
  return false;
}

bool rl_floating_promise_settled_chain_at(RlCtx *cx, RlNode call, int vdepth, RlFpEv *bud) {
  return settled_chain_at(cx, call, vdepth, bud);
}

bool rl_floating_promise_settled_chain(RlCtx *cx, RlNode call) {
  RlFpEv bud = {.left = RL_FLOATING_PROMISE_BUDGET};
  return settled_chain_at(cx, call, 0, &bud);
}

/* Section - callees that cannot reject (evidence: racelint:strict still
 * reports their floating promises) */

/* The name a parameter binds ("" for a pattern or a rest parameter). */
static const char *param_name(RlCtx *cx, RlNode p) {
  if (p && rl_kind(cx, p) != RL_JS_IDENTIFIER) p = rl_child(cx, p, RL_F_PATTERN);
  return p && rl_kind(cx, p) == RL_JS_IDENTIFIER ? rl_text_dup(cx, p) : "";
}

/* The executor's first parameter's name (`resolve`, `(resolve) =>`,
 * `(resolve: () => void) =>`). */
static const char *first_param_name(RlCtx *cx, RlNode fn) {
  RlNode p = rl_child(cx, fn, RL_F_PARAMETER);
  if (!p) p = rl_named_child(cx, rl_child(cx, fn, RL_F_PARAMETERS), 0);
  return param_name(cx, p);
}

/* Is the identifier `name` read anywhere in n (nested functions too)? */
static bool names_in(RlCtx *cx, RlNode n, const char *name) {
  RlNode end = n ? rl_node_end(cx, n) : RL_NONE;
  for (RlNode i = n; i && i < end; i++)
    if (rl_kind(cx, i) == RL_JS_IDENTIFIER && rl_text_eq(cx, i, name)) return true;
  return false;
}

/* `new Promise((resolve) => { ... })`: a synchronous executor with no
 * second parameter or one it never names, whose resolve calls hand over
 * no promise that this file knows of (resolve(p) would adopt p's
 * rejection). It can reject only by a throw in the executor's own code. */
static bool resolve_only_promise(RlCtx *cx, RlNode v) {
  if (rl_kind(cx, v) != RL_JS_NEW_EXPRESSION) return false;
  RlNode ctor = rl_strip(cx, rl_child(cx, v, RL_F_CONSTRUCTOR));
  if (!eq(cx, ctor, "Promise") || rl_js_resolve(cx, ctor, NULL) != RL_BIND_FREE) return false;
  RlNode ex = rl_strip(cx, rl_js_arg(cx, v, 0));
  if (!rl_js_is_function(cx, ex) || rl_js_is_async(cx, ex) || rl_js_argc(cx, v) != 1) return false;
  const char *res = first_param_name(cx, ex);
  if (!*res) return false;
  RlNode ps = rl_child(cx, ex, RL_F_PARAMETERS);
  uint32_t np = 0;
  for (RlNode p = rl_first_child(cx, ps); p; p = rl_next_sibling(cx, p)) {
    if (rl_is_token(cx, p) || rl_kind(cx, p) == RL_JS_COMMENT) continue;
    if (np++ == 1) {
      const char *rej = param_name(cx, p);
      if (!*rej || names_in(cx, rl_child(cx, ex, RL_F_BODY), rej)) return false;
    }
  }
  if (np > 2) return false;
  RlNode body = rl_child(cx, ex, RL_F_BODY), end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    RlNode f = rl_strip(cx, rl_child(cx, i, RL_F_FUNCTION));
    if (rl_kind(cx, f) != RL_JS_IDENTIFIER || !rl_text_eq(cx, f, res)) continue;
    RlNode a = rl_strip(cx, rl_js_arg(cx, i, 0));
    RlJsPromise why;
    RlKind ak = rl_kind(cx, a);
    if (ak == RL_JS_AWAIT_EXPRESSION ||
        ((ak == RL_JS_CALL_EXPRESSION || ak == RL_JS_NEW_EXPRESSION) &&
         rl_js_returns_promise(cx, a, &why)))
      return false;
  }
  return true;
}

/* The name of the class a member call's receiver `recv` is an instance
 * of, as written here: a written type or `new C()` (rl_js_receiver_type),
 * or, for a field `this.f`, the class C of `new C()` that every
 * assignment to it in its class sets (at least one; an assignment of
 * anything else loses it). RL_NONE when unknown. */
RlNode rl_floating_promise_receiver_type_name(RlCtx *cx, RlNode recv) {
  recv = rl_strip(cx, recv);
  RlNode t = rl_js_receiver_type(cx, recv);
  if (!t && rl_kind(cx, recv) == RL_JS_MEMBER_EXPRESSION &&
      rl_kind(cx, rl_strip(cx, rl_child(cx, recv, RL_F_OBJECT))) == RL_JS_THIS) {
    RlNode cls = rl_js_this_class(cx, recv);
    RlNode end = cls ? rl_node_end(cx, cls) : RL_NONE;
    for (RlNode i = cls; i && i < end; i++) {
      if (rl_kind(cx, i) != RL_JS_ASSIGNMENT_EXPRESSION &&
          rl_kind(cx, i) != RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION)
        continue;
      if (!rl_floating_promise_same_text(cx, rl_strip(cx, rl_child(cx, i, RL_F_LEFT)), recv))
        continue;
      RlNode v = rl_strip(cx, rl_child(cx, i, RL_F_RIGHT));
      RlNode c = rl_kind(cx, i) == RL_JS_ASSIGNMENT_EXPRESSION &&
                         rl_kind(cx, v) == RL_JS_NEW_EXPRESSION
                     ? rl_strip(cx, rl_child(cx, v, RL_F_CONSTRUCTOR))
                     : RL_NONE;
      if (rl_kind(cx, c) != RL_JS_IDENTIFIER || (t && !rl_floating_promise_same_text(cx, c, t)))
        return RL_NONE;
      t = c;
    }
  }
  return t && rl_kind(cx, t) != RL_JS_MEMBER_EXPRESSION ? t : RL_NONE;
}

/* The class of this file a receiver is an instance of (receiver_type_name),
 * or RL_NONE. */
static RlNode receiver_class(RlCtx *cx, RlNode recv) {
  RlNode t = rl_floating_promise_receiver_type_name(cx, recv);
  return t ? rl_js_local_class(cx, rl_text_dup(cx, t)) : RL_NONE;
}

/* The key a member call names, as a class member's name reads: `m` for
 * `x.m()`, `[k]` for `x[k]()` with k a name (a symbol: `this[kClose]()`
 * runs the method declared `[kClose]() {...}`). NULL otherwise. */
const char *rl_floating_promise_member_key(RlCtx *cx, RlNode f) {
  if (rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION)
    return rl_text_dup(cx, rl_child(cx, f, RL_F_PROPERTY));
  if (rl_kind(cx, f) != RL_JS_SUBSCRIPT_EXPRESSION) return NULL;
  RlNode k = rl_strip(cx, rl_child(cx, f, RL_F_INDEX));
  if (rl_kind(cx, k) != RL_JS_IDENTIFIER && rl_kind(cx, k) != RL_JS_MEMBER_EXPRESSION) return NULL;
  return rl_fmt(cx, "[%s]", rl_text_dup(cx, k));
}

/* The name node of the class cls extends (the first name in its
 * `extends` clause), or RL_NONE. */
RlNode rl_floating_promise_base_name(RlCtx *cx, RlNode cls) {
  RlNode body = rl_child(cx, cls, RL_F_BODY);
  for (RlNode c = rl_first_child(cx, cls); c; c = rl_next_sibling(cx, c)) {
    if (c == body || rl_kind(cx, c) != RL_JS_CLASS_HERITAGE) continue;
    RlNode end = rl_node_end(cx, c);
    for (RlNode i = c; i < end; i++)
      if (rl_kind(cx, i) == RL_JS_IDENTIFIER) return i;
  }
  return RL_NONE;
}

/* Does class `sub` of this file extend `base` (directly or through other
 * classes of this file)? */
static bool extends_class(RlCtx *cx, RlNode sub, RlNode base) {
  for (int depth = 0; sub && depth < 6; depth++) {
    RlNode up = rl_floating_promise_base_name(cx, sub);
    if (!up) return false;
    sub = rl_js_local_class(cx, rl_text_dup(cx, up));
    if (sub == base) return true;
  }
  return false;
}

/* Is a member `key` that a class of this file extending cls declares one
 * that may reject (not fn_cannot_reject)? `this.m()` in cls may run such an
 * override. Subclasses in other files are not seen. */
static bool override_may_reject(RlCtx *cx, RlNode cls, const char *key, int depth, RlFpEv *bud) {
  RlNode root = rl_root(cx);
  for (RlNode st = rl_first_child(cx, root); st; st = rl_next_sibling(cx, st)) {
    RlNode d = st;
    if (rl_kind(cx, d) == RL_JS_EXPORT_STATEMENT) d = rl_child(cx, st, RL_F_DECLARATION);
    RlKind k = rl_kind(cx, d);
    if ((k != RL_JS_CLASS_DECLARATION && k != RL_JS_ABSTRACT_CLASS_DECLARATION) || d == cls ||
        !extends_class(cx, d, cls))
      continue;
    RlNode body = rl_child(cx, d, RL_F_BODY);
    for (RlNode m = rl_first_child(cx, body); m; m = rl_next_sibling(cx, m)) {
      RlNode nm = rl_child(cx, m, RL_F_NAME);
      if (!nm) nm = rl_child(cx, m, RL_F_PROPERTY);
      if (!nm || !rl_text_eq(cx, nm, key) || rl_has_token(cx, m, "static")) continue;
      RlNode fn = rl_kind(cx, m) == RL_JS_METHOD_DEFINITION ? m : rl_strip(cx, rl_child(cx, m, RL_F_VALUE));
      if (--bud->left < 0 || !rl_floating_promise_fn_cannot_reject(cx, fn, depth + 1, bud)) return true;
    }
  }
  return false;
}

/* `this.m()` / `this[k]()` in a class of this file that a subclass here
 * overrides with a member that may reject (override_may_reject)? */
bool rl_floating_promise_this_override_may_reject(RlCtx *cx, RlNode call, int depth, RlFpEv *bud) {
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  const char *key = rl_floating_promise_member_key(cx, f);
  if (!key || !*key || rl_kind(cx, rl_strip(cx, rl_child(cx, f, RL_F_OBJECT))) != RL_JS_THIS)
    return false;
  RlNode cls = rl_js_this_class(cx, f);
  return cls && override_may_reject(cx, cls, key, depth, bud);
}

/* The function a call runs, as far as this file tells: a local function,
 * what rl_js_returns_promise found, `this.m()` or `this[k]()` of this
 * class (or a class it extends here), `x.m()` / `x[k]()` on an instance
 * of a class of this file (receiver_class); none for `this.m()` when a
 * subclass here overrides m with a member that may reject. */
RlNode rl_floating_promise_callee_fn(RlCtx *cx, RlNode call, int depth, RlFpEv *bud) {
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return RL_NONE;
  RlJsPromise why;
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION)), fn = RL_NONE;
  if (rl_js_returns_promise(cx, call, &why)) {
    fn = why.fn;
  } else if (rl_kind(cx, f) == RL_JS_IDENTIFIER) {
    return rl_js_resolve(cx, f, &fn) == RL_BIND_LOCAL ? fn : RL_NONE;
  } else {
    const char *key = rl_floating_promise_member_key(cx, f);
    if (!key || !*key) return RL_NONE;
    RlNode recv = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
    RlNode cls = rl_kind(cx, recv) == RL_JS_THIS ? rl_js_this_class(cx, f) : receiver_class(cx, recv);
    fn = cls ? rl_js_class_member(cx, cls, key, false) : RL_NONE;
  }
  return fn && !rl_floating_promise_this_override_may_reject(cx, call, depth, bud) ? fn : RL_NONE;
}

/* Does the call run a function of this file that cannot reject? */
static bool callee_settles(RlCtx *cx, RlNode call, int depth, RlFpEv *bud) {
  /* a budget, not only a depth: n calls of m callees each is n^depth */
  if (depth >= 4 || --bud->left < 0) return false;
  RlNode fn = rl_floating_promise_callee_fn(cx, call, depth, bud);
  return fn && rl_floating_promise_fn_cannot_reject(cx, fn, depth + 1, bud);
}

/* A value that is a promise which cannot reject: resolve_only_promise,
 * settles_only, `p.catch(h)` with h a callback that cannot reject, a
 * settled_chain, or a call of a function that cannot reject. */
static bool settles_value(RlCtx *cx, RlNode v, int depth, RlFpEv *bud) {
  v = rl_strip(cx, v);
  if (!v || depth > 4) return false;
  if (resolve_only_promise(cx, v) || rl_floating_promise_settles_only(cx, v, depth, bud))
    return true;
  /* `c ? p.catch(noop) : Promise.resolve()`, `a ?? b`: either side */
  if (rl_kind(cx, v) == RL_JS_TERNARY_EXPRESSION)
    return settles_value(cx, rl_child(cx, v, RL_F_CONSEQUENCE), depth, bud) &&
           settles_value(cx, rl_child(cx, v, RL_F_ALTERNATIVE), depth, bud);
  if (rl_kind(cx, v) == RL_JS_BINARY_EXPRESSION &&
      (!strcmp(rl_op(cx, v), "??") || !strcmp(rl_op(cx, v), "||")))
    return settles_value(cx, rl_child(cx, v, RL_F_LEFT), depth, bud) &&
           settles_value(cx, rl_child(cx, v, RL_F_RIGHT), depth, bud);
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION) return false;
  const char *m = rl_js_callee_name(cx, v);
  if (strcmp(m, "catch") == 0 && rl_js_callee_object(cx, v))
    return rl_js_argc(cx, v) == 1 && callback_settles_ev(cx, rl_strip(cx, rl_js_arg(cx, v, 0)), bud);
  if ((strcmp(m, "then") == 0 || strcmp(m, "finally") == 0) && rl_js_callee_object(cx, v))
    return settled_chain_at(cx, v, depth + 1, bud);
  return callee_settles(cx, v, depth, bud);
}

bool rl_floating_promise_settles_value(RlCtx *cx, RlNode v, int depth, RlFpEv *bud) {
  return settles_value(cx, v, depth, bud);
}

/* `this.ready`, `this.done.promise`: a promise the object keeps (no call
 * in it), which fn does not start here (no `this.ready = work()` or
 * `= p.then(...)` in fn: a single-flight memo hands this caller the
 * work's own rejection). A function returning it hands every caller the
 * same promise, which whoever stored it settles and awaits (a deferred the
 * object resolves); dropping one caller's copy loses nothing. */
static bool kept_promise(RlCtx *cx, RlNode v, RlNode fn) {
  RlNode field = rl_strip(cx, v);
  for (int d = 0; d < 8 && rl_kind(cx, field) == RL_JS_MEMBER_EXPRESSION; d++) {
    RlNode o = rl_strip(cx, rl_child(cx, field, RL_F_OBJECT));
    if (rl_kind(cx, o) != RL_JS_THIS) {
      field = o;
      continue;
    }
    RlNode end = rl_node_end(cx, fn);
    for (RlNode i = fn; i < end; i++) {
      if (rl_kind(cx, i) != RL_JS_ASSIGNMENT_EXPRESSION &&
          rl_kind(cx, i) != RL_JS_AUGMENTED_ASSIGNMENT_EXPRESSION)
        continue;
      if (!rl_floating_promise_same_text(cx, rl_strip(cx, rl_child(cx, i, RL_F_LEFT)), field))
        continue;
      RlNode r = rl_strip(cx, rl_child(cx, i, RL_F_RIGHT));
      RlJsPromise why;
      if (rl_kind(cx, r) != RL_JS_CALL_EXPRESSION && rl_kind(cx, r) != RL_JS_NEW_EXPRESSION)
        continue;
      const char *m = rl_kind(cx, r) == RL_JS_CALL_EXPRESSION ? rl_js_callee_name(cx, r) : "";
      if (rl_js_returns_promise(cx, r, &why) || !strcmp(m, "then") || !strcmp(m, "catch") ||
          !strcmp(m, "finally"))
        return false;
    }
    return true;
  }
  return false;
}

/* A `const p` that already has a rejection handler: a statement
 * `p.catch(h)` in p's scope (h a callback that cannot reject: `() => {}`),
 * or p set from a call of a function that returns such a promise (this
 * file's, or, when bud->assume, an import checked in phase 2). Returning
 * p hands out a promise whose rejection is handled: dropping this copy
 * loses nothing. Sets bud->handled. */
static bool handled_value(RlCtx *cx, RlNode v, RlFpEv *bud) {
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) != RL_JS_IDENTIFIER || --bud->left < 0) return false;
  RlNode d = const_declarator(cx, v);
  if (!d) return false;
  RlNode scope = rl_js_binding_scope(cx, v), end = rl_node_end(cx, scope);
  for (RlNode i = scope; i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_EXPRESSION_STATEMENT) continue;
    RlNode c = rl_strip(cx, rl_named_child(cx, i, 0));
    if (rl_kind(cx, c) != RL_JS_CALL_EXPRESSION || strcmp(rl_js_callee_name(cx, c), "catch") != 0 ||
        rl_js_argc(cx, c) != 1 ||
        !rl_floating_promise_same_text(cx, rl_strip(cx, rl_js_callee_object(cx, c)), v))
      continue;
    if (callback_settles_ev(cx, rl_strip(cx, rl_js_arg(cx, c, 0)), bud)) {
      bud->handled = true;
      return true;
    }
  }
  RlNode init = rl_strip(cx, rl_child(cx, d, RL_F_VALUE));
  RlNode f = rl_kind(cx, init) == RL_JS_CALL_EXPRESSION ? rl_strip(cx, rl_child(cx, init, RL_F_FUNCTION))
                                                       : RL_NONE;
  if (rl_kind(cx, f) != RL_JS_IDENTIFIER) return false;
  RlNode g = RL_NONE;
  RlJsBinding b = rl_js_resolve(cx, f, &g);
  if (b == RL_BIND_LOCAL) {
    if (!g || rl_js_is_async(cx, g) || !rl_floating_promise_fn_cannot_reject(cx, g, 0, bud))
      return false;
    bud->handled = true;
    return true;
  }
  if (b != RL_BIND_IMPORT || !bud->assume) return false;
  const char *name = rl_text_dup(cx, f);
  if (bud->assumed && strcmp(bud->assumed, name) != 0) return false;
  bud->assumed = name;
  bud->handled = true;
  return true;
}

/* A function whose promise cannot reject: async and never_rejects_at, or
 * not async and every `return` (at least one) hands back settles_value or
 * a kept_promise, or (for the callee itself, depth 0) a handled_value. */
bool rl_floating_promise_fn_cannot_reject(RlCtx *cx, RlNode fn, int depth, RlFpEv *bud) {
  if (!rl_js_is_function(cx, fn) || rl_js_is_generator(cx, fn)) return false;
  if (rl_js_is_async(cx, fn)) return never_rejects_at(cx, fn, depth, bud);
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (!body) return false;
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return settles_value(cx, body, depth, bud);
  bool any = false;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    if (rl_kind(cx, i) != RL_JS_RETURN_STATEMENT) continue;
    RlNode v = rl_named_child(cx, i, 0);
    if (!v || !(kept_promise(cx, v, fn) || settles_value(cx, v, depth, bud) ||
                (depth == 0 && handled_value(cx, v, bud))))
      return false;
    any = true;
  }
  return any;
}


/* Section - evidence that holds for one call's arguments */

/* Does `cond` hold whenever the parameter named p is undefined: `!p`, or
 * `!p?.x` (the chain stops at p)? */
static bool true_when_undefined(RlCtx *cx, RlNode cond, const char *p) {
  cond = rl_strip(cx, cond);
  if (rl_kind(cx, cond) != RL_JS_UNARY_EXPRESSION || strcmp(rl_op(cx, cond), "!") != 0) return false;
  RlNode a = rl_strip(cx, rl_child(cx, cond, RL_F_ARGUMENT));
  if (rl_kind(cx, a) == RL_JS_IDENTIFIER) return rl_text_eq(cx, a, p);
  if (rl_kind(cx, a) != RL_JS_MEMBER_EXPRESSION) return false;
  RlNode o = rl_strip(cx, rl_child(cx, a, RL_F_OBJECT));
  size_t n, lp = strlen(p);
  const char *t = rl_text(cx, a, &n);
  return rl_kind(cx, o) == RL_JS_IDENTIFIER && rl_text_eq(cx, o, p) && n > lp + 2 &&
         memcmp(t + lp, "?.", 2) == 0;
}

/* The position of fn's parameter named p when it is optional without a
 * default (`p?: T`, or a plain JS `p`); -1 otherwise. */
static int optional_param(RlCtx *cx, RlNode fn, const char *p) {
  RlNode ps = rl_child(cx, fn, RL_F_PARAMETERS);
  int k = 0;
  for (RlNode c = rl_first_child(cx, ps); c; c = rl_next_sibling(cx, c)) {
    if (rl_is_token(cx, c) || rl_kind(cx, c) == RL_JS_COMMENT) continue;
    RlNode id = rl_kind(cx, c) == RL_JS_IDENTIFIER ? c : rl_child(cx, c, RL_F_PATTERN);
    if (rl_kind(cx, id) == RL_JS_IDENTIFIER && rl_text_eq(cx, id, p))
      return (rl_kind(cx, c) == RL_JS_IDENTIFIER || rl_kind(cx, c) == RL_JS_OPTIONAL_PARAMETER) &&
                     !rl_child(cx, c, RL_F_VALUE)
                 ? k
                 : -1;
    k++;
  }
  return -1;
}

/* Does the call pass fewer than k + 1 arguments, none spread? */
static bool leaves_out(RlCtx *cx, RlNode call, int k) {
  uint32_t argc = rl_js_argc(cx, call);
  if (argc > (uint32_t)k) return false;
  for (uint32_t i = 0; i < argc; i++)
    if (rl_has_token(cx, rl_js_arg(cx, call, i), "...")) return false;
  return true;
}

/* fn (not async) ends in `if (cond) v = v.catch(h); return v` (the if
 * with no else, its block holding that one assignment, h a callback that
 * cannot reject), cond holds when an optional parameter that `call`
 * leaves out is undefined, and that return is fn's only one. */
static bool caught_for_call(RlCtx *cx, RlNode call, RlNode fn, RlFpEv *bud) {
  if (!rl_js_is_function(cx, fn) || rl_js_is_async(cx, fn) || rl_js_is_generator(cx, fn))
    return false;
  RlNode body = rl_child(cx, fn, RL_F_BODY), prev = RL_NONE, last = RL_NONE;
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  for (RlNode c = rl_first_child(cx, body); c; c = rl_next_sibling(cx, c)) {
    if (rl_is_token(cx, c) || rl_kind(cx, c) == RL_JS_COMMENT) continue;
    prev = last;
    last = c;
  }
  if (!prev || rl_kind(cx, last) != RL_JS_RETURN_STATEMENT || rl_kind(cx, prev) != RL_JS_IF_STATEMENT ||
      rl_child(cx, prev, RL_F_ALTERNATIVE))
    return false;
  RlNode v = rl_strip(cx, rl_named_child(cx, last, 0));
  if (rl_kind(cx, v) != RL_JS_IDENTIFIER) return false;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    if (rl_kind(cx, i) == RL_JS_RETURN_STATEMENT && i != last) return false;
  }
  RlNode st = rl_child(cx, prev, RL_F_CONSEQUENCE);
  if (rl_kind(cx, st) == RL_JS_STATEMENT_BLOCK) {
    if (rl_named_child_count(cx, st) != 1) return false;
    st = rl_named_child(cx, st, 0);
  }
  RlNode a = rl_kind(cx, st) == RL_JS_EXPRESSION_STATEMENT ? rl_strip(cx, rl_named_child(cx, st, 0))
                                                           : RL_NONE;
  if (rl_kind(cx, a) != RL_JS_ASSIGNMENT_EXPRESSION ||
      !rl_floating_promise_same_text(cx, rl_strip(cx, rl_child(cx, a, RL_F_LEFT)), v))
    return false;
  RlNode r = rl_strip(cx, rl_child(cx, a, RL_F_RIGHT));
  if (rl_kind(cx, r) != RL_JS_CALL_EXPRESSION || strcmp(rl_js_callee_name(cx, r), "catch") != 0 ||
      !settles_value(cx, r, 0, bud))
    return false;
  /* the condition: `!p` / `!p?.x` of an optional parameter left out */
  RlNode cond = rl_strip(cx, rl_child(cx, prev, RL_F_CONDITION));
  RlNode arg = rl_kind(cx, cond) == RL_JS_UNARY_EXPRESSION
                   ? rl_strip(cx, rl_child(cx, cond, RL_F_ARGUMENT))
                   : RL_NONE;
  if (rl_kind(cx, arg) == RL_JS_MEMBER_EXPRESSION) arg = rl_strip(cx, rl_child(cx, arg, RL_F_OBJECT));
  if (rl_kind(cx, arg) != RL_JS_IDENTIFIER) return false;
  const char *p = rl_text_dup(cx, arg);
  int k = optional_param(cx, fn, p);
  return k >= 0 && true_when_undefined(cx, cond, p) && leaves_out(cx, call, k);
}

bool rl_floating_promise_call_cannot_reject(RlCtx *cx, RlNode call, RlNode fn, RlFpEv *bud) {
  return rl_floating_promise_fn_cannot_reject(cx, fn, 0, bud) || caught_for_call(cx, call, fn, bud);
}

/* Section - steps of a hand-written retry loop */

/* Does n (nested functions too) call the local function loop by name? */
static bool calls_fn(RlCtx *cx, RlNode n, RlNode loop) {
  RlNode end = n ? rl_node_end(cx, n) : RL_NONE;
  for (RlNode i = n; i && i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    RlNode f = rl_strip(cx, rl_child(cx, i, RL_F_FUNCTION));
    if (rl_kind(cx, f) == RL_JS_IDENTIFIER && rl_js_local_function(cx, f) == loop) return true;
  }
  return false;
}

/* Is fn a retry loop: a local function with a `.then(cb)` whose callback
 * (a function literal) calls fn again? */
static bool retry_loop(RlCtx *cx, RlNode fn) {
  RlNode end = fn ? rl_node_end(cx, fn) : RL_NONE;
  for (RlNode i = fn; i && i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION || strcmp(rl_js_callee_name(cx, i), "then") != 0)
      continue;
    RlNode cb = rl_strip(cx, rl_js_arg(cx, i, 0));
    if (rl_js_is_function(cx, cb) && calls_fn(cx, cb, fn)) return true;
  }
  return false;
}

/* The base promise of a retry step cannot reject: `sleep(ms)` /
 * `delay(ms)` (a timer, by its name), or a call of a function that cannot
 * reject. */
static bool step_base_settles(RlCtx *cx, RlNode call) {
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (rl_kind(cx, f) == RL_JS_IDENTIFIER && (eq(cx, f, "sleep") || eq(cx, f, "delay")) &&
      !calls_inside(cx, rl_child(cx, call, RL_F_ARGUMENTS)))
    return true;
  RlFpEv bud = {.left = RL_FLOATING_PROMISE_BUDGET};
  return settles_value(cx, call, 0, &bud);
}

/* A callback of a retry step: a function with no throw and no await
 * outside a try (what it returns is not followed), or the loop's name. */
static bool step_callback(RlCtx *cx, RlNode cb, RlNode *loop) {
  if (rl_kind(cx, cb) == RL_JS_IDENTIFIER) {
    RlNode fn = rl_js_local_function(cx, cb);
    if (!fn || !retry_loop(cx, fn)) return false;
    *loop = fn;
    return true;
  }
  if (!rl_js_is_function(cx, cb) || rl_js_is_async(cx, cb)) return false;
  RlNode end = rl_node_end(cx, cb);
  for (RlNode i = rl_child(cx, cb, RL_F_BODY); i && i < end; i++) {
    if (rl_js_is_function(cx, i)) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    RlKind k = rl_kind(cx, i);
    if ((k == RL_JS_THROW_STATEMENT || k == RL_JS_AWAIT_EXPRESSION) && !in_try(cx, i, cb, false))
      return false;
  }
  return true;
}

bool rl_floating_promise_retry_step(RlCtx *cx, RlNode call) {
  RlNode loop = RL_NONE, last = RL_NONE;
  for (int depth = 0; depth < 8; depth++) {
    if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return false;
    if (strcmp(rl_js_callee_name(cx, call), "then") != 0 || !rl_js_callee_object(cx, call)) break;
    RlNode cb = rl_strip(cx, rl_js_arg(cx, call, 0));
    if (rl_js_argc(cx, call) != 1 || !step_callback(cx, cb, &loop)) return false;
    if (!last) last = cb;
    call = rl_strip(cx, rl_js_callee_object(cx, call));
  }
  if (!last || rl_kind(cx, call) != RL_JS_CALL_EXPRESSION || !step_base_settles(cx, call))
    return false;
  if (loop) return true; /* `.then(run)`: the loop's next round */
  /* the last callback calls a function around the chain: the next round */
  for (RlNode a = rl_enclosing_function(cx, call); a; a = rl_enclosing_function(cx, a))
    if (rl_js_is_function(cx, last) && calls_fn(cx, last, a) && retry_loop(cx, a)) return true;
  return false;
}

/* Section - interface members made by a factory of this file */

/* The interface of this file that fn's written return type names
 * (`): Retryer<T>`), or RL_NONE. */
static RlNode returned_interface(RlCtx *cx, RlNode fn) {
  RlNode t = rl_child(cx, fn, RL_F_RETURN_TYPE);
  RlNode end = t ? rl_node_end(cx, t) : RL_NONE;
  for (RlNode i = t; i && i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_TYPE_IDENTIFIER) continue;
    RlNode decl = rl_js_local_type(cx, rl_text_dup(cx, i));
    return rl_kind(cx, decl) == RL_JS_INTERFACE_DECLARATION ? decl : RL_NONE;
  }
  return RL_NONE;
}

/* Does every `return` of fn (nested functions aside; at least one) hand
 * back an object literal? */
static bool returns_literals(RlCtx *cx, RlNode fn) {
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  bool any = false;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    if (rl_kind(cx, i) != RL_JS_RETURN_STATEMENT) continue;
    if (rl_kind(cx, rl_strip(cx, rl_named_child(cx, i, 0))) != RL_JS_OBJECT) return false;
    any = true;
  }
  return any;
}

/* One interface member seen in the literals: what its answer rests on,
 * and whether one literal's property may reject. */
typedef struct FactoryMember {
  RlNode member;
  const char *key;
  RlFpEv ev;
  bool bad;
} FactoryMember;

void rl_floating_promise_factory_members(RlCtx *cx,
                                         void (*add)(RlCtx *cx, RlNode member, const char *key,
                                                     const RlFpEv *ev, void *arg),
                                         void *arg) {
  enum { MAX = 64 };
  FactoryMember *seen = NULL;
  uint32_t nseen = 0, n = rl_node_count(cx);
  for (RlNode fn = 1; fn < n; fn++) {
    if (!rl_js_is_function(cx, fn) || rl_js_is_async(cx, fn)) continue;
    RlNode iface = returned_interface(cx, fn);
    if (!iface || !returns_literals(cx, fn)) continue;
    RlNode end = rl_node_end(cx, fn);
    for (RlNode i = fn + 1; i < end; i++) {
      if (rl_kind(cx, i) != RL_JS_RETURN_STATEMENT) continue;
      RlNode obj = rl_strip(cx, rl_named_child(cx, i, 0));
      if (rl_kind(cx, obj) != RL_JS_OBJECT || rl_enclosing_function(cx, i) != fn) continue;
      for (RlNode p = rl_first_child(cx, obj); p; p = rl_next_sibling(cx, p)) {
        if (rl_kind(cx, p) != RL_JS_PAIR) continue;
        RlNode k = rl_child(cx, p, RL_F_KEY), val = rl_strip(cx, rl_child(cx, p, RL_F_VALUE));
        if (!k) continue;
        const char *key = rl_text_dup(cx, k);
        RlNode member = RL_NONE;
        if (rl_js_member_verdict(cx, iface, key, false, &member) != RL_JT_PROMISE || !member)
          continue;
        RlFpEv ev = {.left = RL_FLOATING_PROMISE_BUDGET, .assume = true};
        bool ok = rl_js_is_function(cx, val) && rl_floating_promise_fn_cannot_reject(cx, val, 0, &ev);
        uint32_t j = 0;
        while (j < nseen && seen[j].member != member) j++;
        if (j == nseen) {
          if (!seen) seen = rl_alloc(cx, MAX * sizeof *seen);
          if (nseen == MAX) return; /* too many to be sure of any */
          seen[nseen++] = (FactoryMember){member, key, ev, !ok};
          continue;
        }
        /* two literals: both must agree, on the same import if any */
        if (!ok || (ev.assumed && seen[j].ev.assumed && strcmp(ev.assumed, seen[j].ev.assumed)))
          seen[j].bad = true;
        if (ev.assumed) seen[j].ev.assumed = ev.assumed;
        seen[j].ev.handled |= ev.handled;
      }
    }
  }
  for (uint32_t j = 0; j < nseen; j++)
    if (!seen[j].bad) add(cx, seen[j].member, seen[j].key, &seen[j].ev, arg);
}
