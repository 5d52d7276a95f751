/* callback-promise-mix.c - promises handed to APIs that ignore them, and
 * callbacks that try to talk to a promise.
 *
 * 1. An async function (inline, named in this file, `this.m` or
 *    `this.m.bind(this)` of the enclosing class, or imported from another
 *    scanned module: phase 2), or an arrow whose body is a call known to
 *    return a promise, given to an array method that ignores or misreads
 *    the promise:
 *    - forEach: the promises are dropped;
 *    - filter/some/every/find/findIndex/findLast/findLastIndex: the
 *      predicate's promise is always truthy;
 *    - map/flatMap: reported only when the array of promises is dropped
 *      (a bare statement, `await` of the array, or a variable never used
 *      again); given to Promise.all, returned, passed on or used: fine;
 *    - reduce/reduceRight: an async reducer that never awaits its
 *      accumulator.
 * 2. Inside an async function, a Node-style callback (first parameter
 *    err/error/e, tested in a condition in the body; not the first
 *    argument of an array method, nor a then/catch/finally callback) that
 *    throws or returns
 *    a value: the throw is an uncaught exception and the value goes
 *    nowhere, because the async function's promise was settled without
 *    them. Not reported: a throw inside the callback's own try block, a
 *    bare `return;`, `return cb(...)`-style calls of a parameter, literals,
 *    any return in the error branch (`if (err) return log(err);`).
 * 3-4. Misused promises (listeners, timers, executors, conditions): which
 *    receivers of `.on()` drop a listener's promise is decided in
 *    rules/js/callback-promise-mix-emitters.c.
 * Default preset (issue 17, measured on docs/triage-js.md): an async
 * Promise executor, an async setInterval callback, an async listener of a
 * Node emitter and an async forEach callback; the other array methods,
 * Node-style callbacks, DOM listeners, setTimeout/setImmediate, void
 * members and conditions are racelint:strict only
 * (rules/callback-promise-mix.md, "Presets").
 * Doc: rules/callback-promise-mix.md */
#include <stdio.h>
#include <string.h>

#include "../analyzer/rule_api.h"
#include "js/callback-promise-mix-catches.h"
#include "js/callback-promise-mix-emitters.h"
#include "js/callback-promise-mix-logged.h"
#include "js/callback-promise-mix-void.h"
#include "js/fixes.h"
#include "js/floating-promise.h"

/* FACT_FOREACH_REF: a = identifier passed as the callback, b = the array
 * method. The listener facts: rules/js/callback-promise-mix-emitters.h. */
enum { FACT_FOREACH_REF = RL_FACT_RULE };

static const char *const hint =
    "Use `for (const x of items) { await f(x); }` to run one after another, or "
    "`await Promise.all(items.map(async (x) => ...))` to run them together; the "
    "runtime's forEachAsync(items, fn) and mapConcurrent(items, fn, { concurrency }) "
    "do both with error handling.";

static const char *const msg =
    "async callback passed to forEach: forEach ignores the promise it returns, so the "
    "iterations interleave at every await, code after forEach runs before they finish, "
    "and a rejection goes unhandled";

static const char *const hint_map =
    "Consume the promises: `await Promise.all(items.map(...))`, or the runtime's "
    "mapConcurrent(items, fn, { concurrency }) to bound how many run at once.";

static const char *const hint_pred =
    "Compute the answers first, then test them: `const ok = await Promise.all(items.map(pred)); "
    "items.filter((_, i) => ok[i])`; the runtime's mapConcurrent(items, pred) bounds the "
    "concurrency.";

static const char *const hint_reduce =
    "Await the accumulator first (`const acc = await accP;`), or use a `for...of` loop "
    "with await.";

static const char *const hint_node =
    "Use the promise API (fs/promises, util.promisify(fn)) and await it inside the async "
    "function, or wrap the callback API in `new Promise((resolve, reject) => ...)` and "
    "call reject(err) / resolve(value).";

/* Section - helpers */

static bool eq(RlCtx *cx, RlNode n, const char *s) { return n && rl_text_eq(cx, n, s); }

static bool in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, list[i]) == 0) return true;
  return false;
}

/* Parent of n, skipping parentheses and TS `as`/`!`/`satisfies`. */
static RlNode up(RlCtx *cx, RlNode n, RlNode *child) {
  RlNode p = rl_parent(cx, n);
  while (p) {
    RlKind k = rl_kind(cx, p);
    if (k != RL_JS_PARENTHESIZED_EXPRESSION && k != RL_JS_AS_EXPRESSION &&
        k != RL_JS_NON_NULL_EXPRESSION && k != RL_JS_SATISFIES_EXPRESSION)
      break;
    n = p;
    p = rl_parent(cx, p);
  }
  if (child) *child = n;
  return p;
}

/* Does the call (or `new`) e return a promise, as far as this file tells?
 * *fn receives the async function when that is the reason. */
static bool returns_promise(RlCtx *cx, RlNode e, RlNode *fn) {
  RlJsPromise why = {RL_NONE, ""};
  bool yes = rl_js_returns_promise(cx, rl_strip(cx, e), &why);
  *fn = why.fn;
  return yes;
}

/* Is the promise of call e handled (`.catch(f)`, `.then(f, g)`)? */
static bool promise_handled(RlCtx *cx, RlNode e) {
  e = rl_strip(cx, e);
  if (rl_kind(cx, e) != RL_JS_CALL_EXPRESSION || !rl_js_callee_object(cx, e)) return false;
  const char *m = rl_js_callee_name(cx, e);
  if (strcmp(m, "catch") == 0) return rl_js_argc(cx, e) >= 1;
  return strcmp(m, "then") == 0 && rl_js_argc(cx, e) >= 2;
}

/* What a callback argument is: async, or returning a promise. */
typedef enum CbKind { CB_NONE, CB_ASYNC, CB_PROMISE, CB_IMPORT } CbKind;

static CbKind callback_kind(RlCtx *cx, RlNode cb, RlNode *fn) {
  *fn = RL_NONE;
  cb = rl_strip(cx, cb);
  if (!cb) return CB_NONE;
  /* this.save.bind(this) */
  if (rl_kind(cx, cb) == RL_JS_CALL_EXPRESSION && !strcmp(rl_js_callee_name(cx, cb), "bind"))
    cb = rl_strip(cx, rl_js_callee_object(cx, cb));
  if (rl_kind(cx, cb) == RL_JS_MEMBER_EXPRESSION &&
      rl_kind(cx, rl_strip(cx, rl_child(cx, cb, RL_F_OBJECT))) == RL_JS_THIS) {
    RlNode cls = rl_js_this_class(cx, cb);
    RlNode m = rl_js_class_member(cx, cls, rl_text_dup(cx, rl_child(cx, cb, RL_F_PROPERTY)),
                                  false);
    if (!rl_js_is_async_fn(cx, m)) return CB_NONE;
    *fn = m;
    return CB_ASYNC;
  }
  if (rl_js_is_function(cx, cb)) {
    if (rl_js_is_async_fn(cx, cb)) return CB_ASYNC;
    if (rl_kind(cx, cb) != RL_JS_ARROW_FUNCTION) return CB_NONE;
    RlNode body = rl_child(cx, cb, RL_F_BODY);
    if (!body || rl_kind(cx, body) == RL_JS_STATEMENT_BLOCK) return CB_NONE;
    if (promise_handled(cx, body)) return CB_NONE;
    return returns_promise(cx, body, fn) ? CB_PROMISE : CB_NONE;
  }
  if (rl_kind(cx, cb) != RL_JS_IDENTIFIER) return CB_NONE;
  RlNode local = RL_NONE;
  switch (rl_js_resolve(cx, cb, &local)) {
  case RL_BIND_LOCAL:
    if (!rl_js_is_async_fn(cx, local)) return CB_NONE;
    *fn = local;
    return CB_ASYNC;
  case RL_BIND_IMPORT:
    return CB_IMPORT;
  case RL_BIND_FREE:
    break;
  }
  return CB_NONE;
}

static void related_fn(RlCtx *cx, RlReport *r, RlNode cb, RlNode fn) {
  if (!fn || fn == rl_strip(cx, cb)) return;
  const char *name = rl_function_name(cx, fn);
  if (*name)
    rl_report_related(cx, r, fn, "'%s' is declared async here", name);
  else
    rl_report_related(cx, r, fn, "declared async here");
}

/* Section - the array of promises from map() */

/* Is the identifier `name` used in [from, to)? */
static bool used_in(RlCtx *cx, RlNode from, RlNode to, const char *name) {
  for (RlNode i = from; i < to; i++) {
    RlKind k = rl_kind(cx, i);
    if ((k == RL_JS_IDENTIFIER || k == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER) &&
        rl_text_eq(cx, i, name))
      return true;
  }
  return false;
}

typedef enum Drop { KEPT, DROPPED, AWAITED_ARRAY, STORED_UNUSED } Drop;

/* What happens to the array a map() call returns. */
static Drop map_result(RlCtx *cx, RlNode call, const char **var) {
  RlNode child;
  RlNode p = up(cx, call, &child);
  switch (rl_kind(cx, p)) {
  case RL_JS_EXPRESSION_STATEMENT:
    return DROPPED;
  case RL_JS_AWAIT_EXPRESSION:
    return AWAITED_ARRAY;
  case RL_JS_VARIABLE_DECLARATOR:
  case RL_JS_ASSIGNMENT_EXPRESSION: {
    RlNode name = rl_child(cx, p, rl_kind(cx, p) == RL_JS_ASSIGNMENT_EXPRESSION ? RL_F_LEFT
                                                                               : RL_F_NAME);
    if (rl_field(cx, child) == RL_F_NAME || rl_field(cx, child) == RL_F_LEFT) return KEPT;
    if (rl_kind(cx, name) != RL_JS_IDENTIFIER) return KEPT;
    RlNode fn = rl_enclosing_function(cx, p);
    RlNode scope = fn ? rl_child(cx, fn, RL_F_BODY) : rl_root(cx);
    RlNode end = scope ? rl_node_end(cx, scope) : rl_node_count(cx);
    if (rl_kind(cx, p) == RL_JS_ASSIGNMENT_EXPRESSION) {
      /* a variable of an outer scope may be read by another function */
      RlNode decl = rl_js_binding_scope(cx, name);
      if (!decl || !scope || decl < scope || decl >= end) return KEPT;
    }
    *var = rl_text_dup(cx, name);
    /* any later use (Promise.all(ps), return ps, for...of, ps.then ...) keeps it;
     * an earlier one in a loop body may too */
    if (used_in(cx, rl_node_end(cx, p), end, *var)) return KEPT;
    for (RlNode q = rl_parent(cx, p); q && q != scope; q = rl_parent(cx, q)) {
      RlKind k = rl_kind(cx, q);
      if (k == RL_JS_FOR_STATEMENT || k == RL_JS_FOR_IN_STATEMENT ||
          k == RL_JS_WHILE_STATEMENT || k == RL_JS_DO_STATEMENT)
        return KEPT;
    }
    return STORED_UNUSED;
  }
  default:
    return KEPT;
  }
}

/* Section - reduce */

/* Does the async reducer `fn` await (or .then) its accumulator? */
static bool awaits_accumulator(RlCtx *cx, RlNode fn) {
  RlNode params = rl_child(cx, fn, RL_F_PARAMETERS);
  RlNode acc = params ? rl_named_child(cx, params, 0) : rl_child(cx, fn, RL_F_PARAMETER);
  if (acc && rl_kind(cx, acc) != RL_JS_IDENTIFIER) acc = rl_child(cx, acc, RL_F_PATTERN);
  if (!acc || rl_kind(cx, acc) != RL_JS_IDENTIFIER) return true; /* destructured: unknown */
  const char *name = rl_text_dup(cx, acc);
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  RlNode end = rl_node_end(cx, body);
  bool seen = false;
  for (RlNode i = body; i < end; i++) {
    if (rl_kind(cx, i) != RL_JS_IDENTIFIER || !rl_text_eq(cx, i, name)) continue;
    seen = true;
    for (RlNode q = rl_parent(cx, i); q && q != body; q = rl_parent(cx, q))
      if (rl_kind(cx, q) == RL_JS_AWAIT_EXPRESSION) return true;
    RlNode child;
    RlNode p = up(cx, i, &child);
    if (rl_kind(cx, p) == RL_JS_MEMBER_EXPRESSION && rl_field(cx, child) == RL_F_OBJECT &&
        eq(cx, rl_child(cx, p, RL_F_PROPERTY), "then"))
      return true;
  }
  return !seen; /* never used: nothing to get wrong through it */
}

/* Section - Node-style callbacks in async functions */

/* Is the identifier i tested as a condition (if (err), err ? :, err &&,
 * !err, err != null)? */
static bool tested(RlCtx *cx, RlNode i) {
  RlNode c = i;
  RlNode q = rl_parent(cx, i);
  for (;;) {
    RlKind k = rl_kind(cx, q);
    if (k == RL_JS_PARENTHESIZED_EXPRESSION ||
        (k == RL_JS_UNARY_EXPRESSION && strcmp(rl_op(cx, q), "!") == 0)) {
      c = q;
      q = rl_parent(cx, q);
      continue;
    }
    if (k == RL_JS_BINARY_EXPRESSION) {
      const char *op = rl_op(cx, q);
      if (!strcmp(op, "==") || !strcmp(op, "!=") || !strcmp(op, "===") || !strcmp(op, "!==")) {
        c = q;
        q = rl_parent(cx, q);
        continue;
      }
      if (!strcmp(op, "&&") || !strcmp(op, "||")) return rl_field(cx, c) == RL_F_LEFT;
      return false;
    }
    break;
  }
  RlKind k = rl_kind(cx, q);
  return (k == RL_JS_IF_STATEMENT || k == RL_JS_TERNARY_EXPRESSION) &&
         rl_field(cx, c) == RL_F_CONDITION;
}

/* A non-async function whose first parameter is err/error/e and is tested
 * in its body. */
static bool node_callback(RlCtx *cx, RlNode fn) {
  RlKind k = rl_kind(cx, fn);
  if ((k != RL_JS_ARROW_FUNCTION && k != RL_JS_FUNCTION_EXPRESSION && k != RL_JS_FUNCTION) ||
      rl_js_is_async(cx, fn))
    return false;
  RlNode params = rl_child(cx, fn, RL_F_PARAMETERS);
  RlNode p = params ? rl_named_child(cx, params, 0) : rl_child(cx, fn, RL_F_PARAMETER);
  if (p && rl_kind(cx, p) != RL_JS_IDENTIFIER) p = rl_child(cx, p, RL_F_PATTERN);
  if (!p || rl_kind(cx, p) != RL_JS_IDENTIFIER) return false;
  if (!eq(cx, p, "err") && !eq(cx, p, "error") && !eq(cx, p, "e")) return false;
  const char *name = rl_text_dup(cx, p);
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (rl_kind(cx, body) != RL_JS_STATEMENT_BLOCK) return false;
  RlNode end = rl_node_end(cx, body);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    if (rl_kind(cx, i) == RL_JS_IDENTIFIER && rl_text_eq(cx, i, name) && tested(cx, i))
      return true;
  }
  return false;
}

/* Is `name` a parameter of fn or of a function enclosing it? */
static bool is_param(RlCtx *cx, RlNode fn, const char *name) {
  for (; fn; fn = rl_enclosing_function(cx, fn)) {
    RlNode params = rl_child(cx, fn, RL_F_PARAMETERS);
    if (!params) params = rl_child(cx, fn, RL_F_PARAMETER);
    RlNode end = params ? rl_node_end(cx, params) : RL_NONE;
    for (RlNode i = params; i && i < end; i++)
      if (rl_kind(cx, i) == RL_JS_IDENTIFIER && rl_text_eq(cx, i, name)) return true;
  }
  return false;
}

/* `return cb(err)`, `return res.send(x)`, `return reject(e)`: control flow
 * through a function the callback was given. */
static bool returns_param_call(RlCtx *cx, RlNode fn, RlNode v) {
  v = rl_strip(cx, v);
  if (rl_kind(cx, v) != RL_JS_CALL_EXPRESSION) return false;
  RlNode root = rl_strip(cx, rl_child(cx, v, RL_F_FUNCTION));
  /* next(), done(err): a function the callback itself was given */
  if (rl_kind(cx, root) == RL_JS_IDENTIFIER && is_param(cx, fn, rl_text_dup(cx, root)))
    return true;
  /* otherwise only functions and objects of the enclosing functions
   * (cb(err), res.send(...)); text.trim() on the callback's data is a value */
  fn = rl_enclosing_function(cx, fn);
  for (int d = 0; d < 16; d++) {
    RlKind k = rl_kind(cx, root);
    if (k == RL_JS_MEMBER_EXPRESSION) root = rl_strip(cx, rl_child(cx, root, RL_F_OBJECT));
    else if (k == RL_JS_CALL_EXPRESSION) root = rl_strip(cx, rl_child(cx, root, RL_F_FUNCTION));
    else break;
  }
  return fn && rl_kind(cx, root) == RL_JS_IDENTIFIER && is_param(cx, fn, rl_text_dup(cx, root));
}

/* Is the return statement `ret` in the error branch of the callback: the
 * consequence of `if (err)` / `if (err != null)`, or the else of
 * `if (!err)`? There a return is an early exit, whatever it returns. */
static bool error_branch(RlCtx *cx, RlNode ret, RlNode body, const char *err) {
  for (RlNode c = ret, p = rl_parent(cx, ret); p && c != body; c = p, p = rl_parent(cx, p)) {
    if (rl_kind(cx, p) == RL_JS_ELSE_CLAUSE) {
      c = p;
      p = rl_parent(cx, p);
    }
    if (rl_kind(cx, p) != RL_JS_IF_STATEMENT) continue;
    RlField side = rl_field(cx, c);
    if (side != RL_F_CONSEQUENCE && side != RL_F_ALTERNATIVE) continue;
    RlNode cond = rl_strip(cx, rl_child(cx, p, RL_F_CONDITION));
    bool positive = true;
    if (rl_kind(cx, cond) == RL_JS_UNARY_EXPRESSION && !strcmp(rl_op(cx, cond), "!")) {
      positive = false;
      cond = rl_strip(cx, rl_child(cx, cond, RL_F_ARGUMENT));
    }
    bool tests = false;
    if (rl_kind(cx, cond) == RL_JS_IDENTIFIER) {
      tests = rl_text_eq(cx, cond, err);
    } else if (rl_kind(cx, cond) == RL_JS_BINARY_EXPRESSION) {
      const char *op = rl_op(cx, cond);
      bool ne = !strcmp(op, "!=") || !strcmp(op, "!==");
      bool eqop = !strcmp(op, "==") || !strcmp(op, "===");
      RlNode l = rl_strip(cx, rl_child(cx, cond, RL_F_LEFT));
      RlNode r = rl_strip(cx, rl_child(cx, cond, RL_F_RIGHT));
      if ((ne || eqop) && (eq(cx, l, err) || eq(cx, r, err))) {
        tests = true;
        if (eqop) positive = !positive;
      } else if (!strcmp(op, "&&") && eq(cx, l, err)) {
        tests = true; /* if (err && err.code === ...) */
      }
    }
    if (tests && (side == RL_F_CONSEQUENCE) == positive) return true;
  }
  return false;
}

static void check_node_callback(RlCtx *cx, RlNode call, RlNode cb, RlNode outer) {
  RlNode body = rl_child(cx, cb, RL_F_BODY);
  RlNode end = rl_node_end(cx, body);
  RlNode params = rl_child(cx, cb, RL_F_PARAMETERS);
  RlNode p0 = params ? rl_named_child(cx, params, 0) : rl_child(cx, cb, RL_F_PARAMETER);
  if (p0 && rl_kind(cx, p0) != RL_JS_IDENTIFIER) p0 = rl_child(cx, p0, RL_F_PATTERN);
  const char *err = rl_text_dup(cx, p0);
  const char *api = rl_js_callee_name(cx, call);
  const char *outer_name = rl_function_name(cx, outer);
  if (!*outer_name) outer_name = "the enclosing async function";
  RlLoc ol = rl_loc(cx, outer);
  for (RlNode i = body; i < end; i = rl_js_own_next(cx, i, end)) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_THROW_STATEMENT) {
      bool caught = false;
      for (RlNode q = rl_parent(cx, i); q && q != body && !caught; q = rl_parent(cx, q)) {
        RlNode c = q;
        RlNode t = rl_parent(cx, q);
        if (rl_kind(cx, t) == RL_JS_TRY_STATEMENT && rl_field(cx, c) == RL_F_BODY &&
            rl_child(cx, t, RL_F_HANDLER))
          caught = true;
      }
      if (caught) continue;
      RlReport *r = rl_report(cx, i,
                              "this throw runs later, inside the callback given to '%s', after "
                              "async '%s' (line %u) has returned its promise: it becomes an "
                              "uncaught exception instead of a rejection, and the promise never "
                              "settles with the error",
                              api, outer_name, ol.line);
      rl_report_related(cx, r, outer, "the async function whose promise misses the error");
      rl_report_hint(cx, r, "%s", hint_node);
      rl_js_fix_node_promise(cx, r, call, cb, outer);
    } else if (k == RL_JS_RETURN_STATEMENT) {
      RlNode v = rl_named_child(cx, i, 0);
      if (!v || rl_kind(cx, v) == RL_JS_COMMENT) continue;
      RlKind vk = rl_kind(cx, rl_strip(cx, v));
      if (vk == RL_JS_TRUE || vk == RL_JS_FALSE || vk == RL_JS_NULL || vk == RL_JS_UNDEFINED ||
          eq(cx, rl_strip(cx, v), "undefined"))
        continue;
      if (returns_param_call(cx, cb, v) || error_branch(cx, i, body, err)) continue;
      RlReport *r = rl_report(cx, i,
                              "this return hands its value to '%s', which ignores it: async "
                              "'%s' (line %u) has already returned its promise by the time the "
                              "callback runs, so the value never reaches its caller",
                              api, outer_name, ol.line);
      rl_report_related(cx, r, outer, "the async function whose promise misses the value");
      rl_report_hint(cx, r, "%s", hint_node);
      rl_js_fix_node_promise(cx, r, call, cb, outer);
    }
  }
}

/* Section - the check */

static const char *const predicates[] = {"filter", "some",     "every",        "find",
                                         "findIndex", "findLast", "findLastIndex"};
static const char *const iterators[] = {"map", "flatMap", "forEach", "reduce", "reduceRight",
                                        "filter", "some", "every", "find", "findIndex",
                                        "findLast", "findLastIndex", "sort"};

static const char *pred_effect(const char *m) {
  if (!strcmp(m, "filter")) return "filter keeps every element";
  if (!strcmp(m, "some")) return "some() is always true";
  if (!strcmp(m, "every")) return "every() is always true";
  if (!strcmp(m, "find") || !strcmp(m, "findLast")) return "it returns the first element it sees";
  return "it returns the first index it sees";
}

/* Does the subtree contain a node of kind k outside nested functions? */
static bool has_own(const RlCtx *cx, RlNode root, RlKind k) {
  RlNode end = rl_node_end(cx, root);
  for (RlNode i = root + 1; i < end; i++) {
    if (rl_js_is_function(cx, i) && rl_kind(cx, i) != RL_JS_ARROW_FUNCTION) {
      i = rl_node_end(cx, i) - 1;
      continue;
    }
    if (rl_kind(cx, i) == k) return true;
  }
  return false;
}

/* `xs.forEach(async (x) => { ... });` as a statement inside an async
 * function: offer `for (const x of xs) { ... }`. Only where the rewrite is
 * mechanical: an arrow with one parameter, no `return` (it would leave the
 * outer function), no optional chaining, and an async function around it
 * (the awaits stay legal). */
static void offer_for_of(RlCtx *cx, RlReport *r, RlNode call, RlNode cb) {
  RlNode fn = rl_strip(cx, cb);
  if (rl_kind(cx, fn) != RL_JS_ARROW_FUNCTION || rl_js_argc(cx, call) != 1) return;
  RlNode stmt = rl_parent(cx, call);
  if (rl_kind(cx, stmt) != RL_JS_EXPRESSION_STATEMENT) return;
  RlNode outer = rl_enclosing_function(cx, call);
  if (!outer || !rl_js_is_async(cx, outer)) return;
  RlNode obj = rl_js_callee_object(cx, call);
  RlNode callee = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  size_t n;
  const char *ct = rl_text(cx, callee, &n);
  for (size_t i = 0; i + 1 < n; i++)
    if (ct[i] == '?' && ct[i + 1] == '.') return;
  RlNode param = rl_child(cx, fn, RL_F_PARAMETER);
  if (!param) {
    RlNode params = rl_child(cx, fn, RL_F_PARAMETERS);
    if (rl_named_child_count(cx, params) != 1) return;
    param = rl_named_child(cx, params, 0);
    /* TypeScript: (x: T) -> x */
    if (rl_kind(cx, param) == RL_JS_REQUIRED_PARAMETER) param = rl_child(cx, param, RL_F_PATTERN);
    if (!param || rl_kind(cx, param) == RL_JS_OPTIONAL_PARAMETER) return;
  }
  RlNode body = rl_child(cx, fn, RL_F_BODY);
  if (!body || !obj) return;
  bool block = rl_kind(cx, body) == RL_JS_STATEMENT_BLOCK;
  if (block && has_own(cx, body, RL_JS_RETURN_STATEMENT)) return;
  const char *text = block ? rl_text_dup(cx, body) : NULL;
  size_t plen = 0, olen = 0, blen = 0;
  const char *pt = rl_text(cx, param, &plen), *ot = rl_text(cx, obj, &olen);
  const char *bt = rl_text(cx, body, &blen);
  size_t cap = plen + olen + blen + 64;
  char *out = rl_alloc(cx, cap);
  if (block)
    snprintf(out, cap, "for (const %.*s of %.*s) %s", (int)plen, pt, (int)olen, ot, text);
  else
    snprintf(out, cap, "for (const %.*s of %.*s) { %.*s; }", (int)plen, pt, (int)olen, ot,
             (int)blen, bt);
  rl_report_fix(cx, r, "Rewrite as a for...of loop (iterations run one after another)",
                RL_FIX_UNSAFE, stmt, false, out);
}

/* `xs.forEach(cb);` as a statement inside an async function: offer
 * `await Promise.all(xs.map(cb));`. The callback is kept as it is (map
 * passes the same arguments and skips the same holes), the iterations still
 * run together; the function now waits for them and a rejection throws
 * there. Safe when xs is known to be an Array (rl_js_fix_is_array: a
 * literal, Object.keys(), a const holding one...): the callbacks are called
 * with the same arguments in the same order, and only the bug changes - the
 * caller now waits for them, and a rejection rejects the caller instead of
 * going unhandled (tests/fix/foreach_all_behaviour.js runs both versions).
 * Otherwise unsafe: a Map, Set or NodeList has no map(), a typed array's
 * map() turns the promises into numbers; the file cannot tell which xs is.
 * Returns whether it offered the fix. */
static bool offer_promise_all(RlCtx *cx, RlReport *r, RlNode call) {
  RlNode stmt = rl_parent(cx, call);
  if (rl_kind(cx, stmt) != RL_JS_EXPRESSION_STATEMENT) return false;
  RlNode outer = rl_enclosing_function(cx, call);
  if (!outer || !rl_js_is_async(cx, outer)) return false;
  RlNode callee = rl_child(cx, call, RL_F_FUNCTION);
  if (rl_kind(cx, callee) != RL_JS_MEMBER_EXPRESSION) return false;
  RlNode prop = rl_child(cx, callee, RL_F_PROPERTY);
  if (!prop || !rl_text_eq(cx, prop, "forEach")) return false;
  size_t n;
  const char *ct = rl_text(cx, callee, &n);
  for (size_t i = 0; i + 1 < n; i++)
    if (ct[i] == '?' && ct[i + 1] == '.') return false;
  RlLoc lc = rl_loc(cx, call), lp = rl_loc(cx, prop);
  bool array = rl_js_fix_is_array(cx, rl_child(cx, callee, RL_F_OBJECT), 0);
  const char *title = array ? "Await them together: await Promise.all(xs.map(...))"
                            : "Await them together: await Promise.all(xs.map(...)) (arrays only)";
  RlFixSafety safety = array ? RL_FIX_SAFE : RL_FIX_UNSAFE;
  rl_report_fix_range(cx, r, title, safety, lc.start, lc.start, "await Promise.all(");
  rl_report_fix_range(cx, r, title, safety, lp.start, lp.end, "map");
  rl_report_fix_range(cx, r, title, safety, lc.end, lc.end, ")");
  return true;
}

static void report_array(RlCtx *cx, RlNode call, RlNode at, RlNode cb, RlNode fn, CbKind kind) {
  const char *m = rl_js_callee_name(cx, call);
  const char *what = kind == CB_PROMISE ? "callback returning a promise" : "async callback";
  RlReport *r = NULL;
  if (!strcmp(m, "forEach")) {
    if (kind == CB_PROMISE)
      r = rl_report(cx, at,
                    "callback returning a promise passed to forEach: forEach ignores the "
                    "promise, so the calls interleave, code after forEach runs before they "
                    "finish, and a rejection goes unhandled");
    else {
      r = rl_report(cx, at, "%s", msg);
      /* on an Array the safe Promise.all comes first (preferred); else
       * for...of, then Promise.all, both unsafe */
      RlNode callee = rl_child(cx, call, RL_F_FUNCTION);
      bool array = rl_kind(cx, callee) == RL_JS_MEMBER_EXPRESSION &&
                   rl_js_fix_is_array(cx, rl_child(cx, callee, RL_F_OBJECT), 0);
      if (!array || !offer_promise_all(cx, r, call)) {
        offer_for_of(cx, r, call, cb);
        offer_promise_all(cx, r, call);
      } else {
        offer_for_of(cx, r, call, cb);
      }
    }
  } else if (in_list(m, predicates, RL_COUNTOF(predicates))) {
    r = rl_report(cx, at,
                  "%s passed to %s: the predicate returns a promise, which is always truthy, "
                  "so %s before any awaited test has run",
                  what, m, pred_effect(m));
    rl_report_hint(cx, r, "%s", hint_pred);
    rl_js_fix_async_filter(cx, r, call);
  } else if (!strcmp(m, "map") || !strcmp(m, "flatMap")) {
    const char *var = "";
    RlLoc lc = rl_loc(cx, call);
    switch (map_result(cx, call, &var)) {
    case KEPT:
      return;
    case DROPPED:
      r = rl_report(cx, at,
                    "%s passed to %s and the promises it returns are dropped: the calls run "
                    "concurrently with the code after line %u and a rejection goes unhandled",
                    what, m, lc.line);
      break;
    case AWAITED_ARRAY:
      r = rl_report(cx, at,
                    "%s passed to %s, and the array of promises is awaited as a whole: await "
                    "does not wait for promises inside an array, so the code after line %u "
                    "runs before they finish and a rejection goes unhandled",
                    what, m, lc.line);
      break;
    case STORED_UNUSED:
      r = rl_report(cx, at,
                    "%s passed to %s: the promises are stored in '%s' but never awaited, so "
                    "the calls run concurrently with the code after line %u and a rejection "
                    "goes unhandled",
                    what, m, var, lc.line);
      break;
    }
    rl_report_hint(cx, r, "%s", hint_map);
  } else {
    return;
  }
  related_fn(cx, r, cb, fn);
}

/* Section - misused promises: an async function where the caller ignores
 * the returned promise (a listener, a timer, a Promise executor), and a
 * promise where a boolean is tested (typescript-eslint's
 * no-misused-promises, checksVoidReturn and checksConditionals). */

static const char *const void_timers[] = {"setTimeout", "setInterval", "setImmediate"};
#define msg_void                                                                      \
  "async function passed as %s: the caller ignores the promise it returns, so a "   \
  "rejection is unhandled and the next call does not wait for this one"

static const char *const hint_void =
    "Nothing awaits this promise: catch inside the handler (try/catch around the whole "
    "body), or keep the handler synchronous and hand the work to "
    "`work().catch(onError)` or the runtime's runInBackground(fn, onError) (runtime/js).";

static const char *const hint_executor =
    "Do the async work before `new Promise`, or make the enclosing function async and "
    "drop `new Promise`; an executor should only wire callbacks to resolve/reject.";

static const char *const hint_cond =
    "Await the promise first (`if (await p)`), or test the value it resolves to.";

/* rl_cpm_catches_everything for a function that is not an executor (the
 * callback of rl_cpm_typed_object and rl_cpm_class_overrides) */
static bool handler_catches_everything(RlCtx *cx, RlNode fn) {
  return rl_cpm_catches_everything(cx, fn, false);
}

/* `setTimeout(async () => ...)`, `emitter.on('x', async () => ...)`,
 * `el.addEventListener('click', async () => ...)`: the async function the
 * call hands to a caller that drops its promise, and what that is. */
static const char *void_callee(RlCtx *cx, RlNode call, uint32_t *arg, const char **defer) {
  const char *m = rl_js_callee_name(cx, call);
  RlNode obj = rl_js_callee_object(cx, call);
  if (in_list(m, void_timers, RL_COUNTOF(void_timers))) {
    RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
    if (obj ? !(eq(cx, obj, "window") || eq(cx, obj, "globalThis") || eq(cx, obj, "global"))
            : rl_js_resolve(cx, f, NULL) != RL_BIND_FREE)
      return NULL;
    *arg = 0;
    return rl_fmt(cx, "a %s callback", m);
  }
  if (!obj || !rl_cpm_listener_method(m)) return NULL;
  const char *later = NULL;
  if (strcmp(m, "addEventListener") != 0 && !rl_cpm_known_emitter(cx, obj, &later) && !later)
    return NULL;
  *defer = later;
  *arg = 1;
  RlNode ev = rl_js_arg(cx, call, 0);
  return rl_kind(cx, ev) == RL_JS_STRING ? rl_fmt(cx, "a '%s' listener", rl_js_module_name(cx, ev))
                                         : "an event listener";
}

/* Is async function fn one that cannot reject by floating-promise's evidence that
 * follows callees: every await outside a try awaits a callee of this file
 * that cannot reject (a try/catch without rethrow around its body, ...),
 * and no throw or other call outside a try? */
static bool callees_cannot_reject(RlCtx *cx, RlNode fn) {
  RlFpEv bud = {.left = RL_FLOATING_PROMISE_BUDGET};
  return rl_js_is_async(cx, fn) && rl_floating_promise_fn_cannot_reject(cx, fn, 0, &bud) &&
         !bud.handled && !bud.assumed;
}

static void check_void_return(RlCtx *cx, RlNode call) {
  uint32_t a = 0;
  const char *what, *defer = NULL;
  bool executor = false;
  if (rl_kind(cx, call) == RL_JS_NEW_EXPRESSION) {
    RlNode ctor = rl_strip(cx, rl_child(cx, call, RL_F_CONSTRUCTOR));
    if (!eq(cx, ctor, "Promise") || rl_js_resolve(cx, ctor, NULL) != RL_BIND_FREE) return;
    what = "new Promise()";
    executor = true;
  } else {
    what = void_callee(cx, call, &a, &defer);
    if (!what) return;
    /* default preset: setInterval and emitters' listeners only ("Presets") */
    const char *m = rl_js_callee_name(cx, call);
    if (!rl_file_strict(cx) && (in_list(m, void_timers, RL_COUNTOF(void_timers))
                                    ? strcmp(m, "setInterval") != 0
                                    : strcmp(m, "addEventListener") == 0))
      return;
  }
  RlNode cb = rl_strip(cx, rl_js_arg(cx, call, a)), fn;
  if (!cb || callback_kind(cx, cb, &fn) != CB_ASYNC) return;
  RlNode f = fn ? fn : cb;
  if (rl_cpm_catches_everything(cx, f, executor)) return;
  /* floating-promise's evidence that an async function cannot reject (an
   * await in a catch clause is recovery, a retry calls itself): the
   * default preset takes it, racelint:strict does not */
  if (!rl_file_strict(cx) && rl_js_is_async(cx, f) && rl_floating_promise_never_rejects(cx, f))
    return;
  /* default preset, listeners and timers: also an await of a callee that
   * cannot reject by the same evidence (followed up to its budget) */
  if (!executor && !rl_file_strict(cx) && callees_cannot_reject(cx, f)) return;
  /* default preset: a callee that logs the error before rethrowing it
   * (not evidence; racelint:strict reports it, rules/callback-promise-mix.md) */
  if (!executor && !rl_file_strict(cx) && rl_cpm_logged_rethrow(cx, f)) return;
  if (defer) { /* is the receiver's type an emitter? phase 2 follows it */
    /* c = "type": pkgtypes reads the package that declares type a */
    rl_cpm_listener_fact(cx, cb, defer, what);
    return;
  }
  RlReport *r;
  if (executor) {
    r = rl_report(cx, cb,
                  "async executor passed to %s: a throw after its first await rejects the "
                  "executor's own promise, which nobody handles, instead of this one, and "
                  "this one then never settles",
                  what);
    rl_report_hint(cx, r, "%s", hint_executor);
    if (!fn || fn == cb) rl_js_fix_async_executor(cx, r, cb);
  } else {
    r = rl_report(cx, cb, msg_void, what);
    rl_report_hint(cx, r, "%s", hint_void);
  }
  if (fn && fn != cb) rl_report_related(cx, r, fn, "declared async here");
}

/* Is e always a promise (never undefined): a call of an async function or
 * of a known promise API, or a `const` initialised with one, or an
 * initialised variable declared `Promise<T>` (no `| undefined`)? */
static bool always_promise(RlCtx *cx, RlNode e) {
  e = rl_strip(cx, e);
  RlKind k = rl_kind(cx, e);
  if (k == RL_JS_CALL_EXPRESSION || k == RL_JS_NEW_EXPRESSION) {
    RlJsPromise why = {RL_NONE, ""};
    if (!rl_js_returns_promise(cx, e, &why)) return false;
    if (!why.fn || rl_js_is_async_fn(cx, why.fn)) return true;
    RlNode rt = rl_child(cx, why.fn, RL_F_RETURN_TYPE);
    size_t n;
    const char *s = rt ? rl_text(cx, rt, &n) : NULL;
    return s && !memchr(s, '|', n);
  }
  if (k != RL_JS_IDENTIFIER) return false;
  RlNode d = rl_js_declaration(cx, e, NULL);
  RlNode ty = RL_NONE;
  if (rl_kind(cx, d) == RL_JS_VARIABLE_DECLARATOR) {
    if (rl_kind(cx, rl_child(cx, d, RL_F_NAME)) != RL_JS_IDENTIFIER) return false;
    /* `let p: Promise<T>;` is undefined until assigned: a lazy init */
    RlNode v = rl_strip(cx, rl_child(cx, d, RL_F_VALUE));
    if (!v) return false;
    ty = rl_child(cx, d, RL_F_TYPE);
    if (!ty) return rl_has_token(cx, rl_parent(cx, d), "const") && always_promise(cx, v);
  }
  /* A parameter is not taken, even when declared `Promise<T>`: its value
   * comes from callers (often outside the project, e.g. a runtime hook that
   * passes undefined), and `if (p)` on it is a presence check. */
  if (!ty) return false;
  size_t n;
  const char *s = rl_text(cx, ty, &n);
  return !memchr(s, '|', n) && rl_js_type_verdict(cx, ty) == RL_JT_PROMISE;
}

static void check_condition(RlCtx *cx, RlNode n) {
  RlNode c = RL_NONE;
  const char *where = "condition";
  switch (rl_kind(cx, n)) {
  case RL_JS_IF_STATEMENT:
  case RL_JS_WHILE_STATEMENT:
  case RL_JS_DO_STATEMENT:
  case RL_JS_FOR_STATEMENT:
  case RL_JS_TERNARY_EXPRESSION:
    c = rl_child(cx, n, RL_F_CONDITION);
    break;
  case RL_JS_UNARY_EXPRESSION:
    if (strcmp(rl_op(cx, n), "!") != 0) return;
    c = rl_child(cx, n, RL_F_ARGUMENT);
    where = "operand of `!`";
    break;
  default:
    return;
  }
  if (!c || !always_promise(cx, c)) return;
  RlReport *r = rl_report(cx, rl_strip(cx, c),
                          "a promise used as a %s is always truthy: this tests the promise "
                          "object, not the value it resolves to",
                          where);
  rl_report_hint(cx, r, "%s", hint_cond);
}

static void check(RlCtx *cx, RlNode call, void *state) {
  (void)state;
  RlKind ck = rl_kind(cx, call);
  /* default preset: executors, setInterval, emitters' listeners and
   * forEach only; void members, conditions, Node-style callbacks and the
   * other array methods are racelint:strict only
   * (rules/callback-promise-mix.md, "Presets") */
  bool strict = rl_file_strict(cx);
  if (ck == RL_JS_VARIABLE_DECLARATOR) { /* `const l: T = { m: async () => ... }` */
    if (strict) rl_cpm_typed_object(cx, call, handler_catches_everything);
    return;
  }
  if (ck == RL_JS_CLASS_DECLARATION || ck == RL_JS_ABSTRACT_CLASS_DECLARATION) {
    if (strict) rl_cpm_class_overrides(cx, call, handler_catches_everything);
    return;
  }
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) { /* misused promises */
    if (rl_kind(cx, call) == RL_JS_NEW_EXPRESSION) check_void_return(cx, call);
    else if (strict) check_condition(cx, call);
    return;
  }
  check_void_return(cx, call);
  const char *m = rl_js_callee_name(cx, call);
  RlNode obj = rl_js_callee_object(cx, call);

  /* 2. Node-style callbacks inside an async function */
  RlNode outer = rl_enclosing_function(cx, call);
  bool promise_method = !strcmp(m, "then") || !strcmp(m, "catch") || !strcmp(m, "finally");
  if (strict && outer && rl_js_is_async_fn(cx, outer) && !promise_method) {
    uint32_t argc = rl_js_argc(cx, call);
    /* an array method's callback comes first; Model.find(query, cb) is not one */
    for (uint32_t a = in_list(m, iterators, RL_COUNTOF(iterators)) ? 1 : 0; a < argc; a++) {
      RlNode cb = rl_strip(cx, rl_js_arg(cx, call, a));
      if (node_callback(cx, cb)) check_node_callback(cx, call, cb, outer);
    }
  }

  /* 1. array methods; a plain forEach()/map() call is someone's own */
  if (!obj) return;
  bool known = !strcmp(m, "forEach") || !strcmp(m, "map") || !strcmp(m, "flatMap") ||
               !strcmp(m, "reduce") || !strcmp(m, "reduceRight") ||
               in_list(m, predicates, RL_COUNTOF(predicates));
  /* default preset: forEach only; map/flatMap, the predicates and reduce
   * are racelint:strict only (rules/callback-promise-mix.md, "Presets") */
  if (!known || (!strict && strcmp(m, "forEach") != 0)) return;
  RlNode callee = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  RlNode at = rl_child(cx, callee, RL_F_PROPERTY);
  RlNode cb = rl_strip(cx, rl_js_arg(cx, call, 0));
  if (!cb) return;
  RlNode fn;
  CbKind kind = callback_kind(cx, cb, &fn);
  if (kind == CB_NONE) return;
  if (!strcmp(m, "reduce") || !strcmp(m, "reduceRight")) {
    RlNode f = fn ? fn : cb;
    if (kind != CB_ASYNC || !rl_js_is_function(cx, f) || awaits_accumulator(cx, f)) return;
    RlReport *r = rl_report(cx, at,
                            "async callback passed to %s never awaits its accumulator: from "
                            "the second element on the accumulator is the previous call's "
                            "promise, so the steps overlap and combine promises instead of "
                            "values",
                            m);
    rl_report_hint(cx, r, "%s", hint_reduce);
    related_fn(cx, r, cb, fn);
    return;
  }
  if (kind == CB_IMPORT) { /* phase 2 follows the import to its module */
    const char *var = "";
    if ((!strcmp(m, "map") || !strcmp(m, "flatMap")) && map_result(cx, call, &var) == KEPT)
      return;
    RlFact *f = rl_fact_add(cx, FACT_FOREACH_REF, at, rl_text_dup(cx, cb), m, NULL);
    f->aux = rl_loc(cx, call).line;
    return;
  }
  report_array(cx, call, at, cb, fn, kind);
}

/* The rule's begin_file: the emitters' facts, and what the file's
 * top-level types declare their members to return (FACT_MEMBER). */
static void *begin_file(RlCtx *cx) {
  rl_cpm_emitter_facts(cx);
  for (RlNode st = rl_first_child(cx, rl_root(cx)); st; st = rl_next_sibling(cx, st)) {
    RlNode d = rl_cpm_top_decl(cx, st);
    if (d) rl_cpm_member_facts(cx, d);
  }
  return NULL;
}

static void project(RlProject *px, const RlRule *self) {
  uint32_t nfiles = rl_project_nfiles(px);
  for (uint32_t file = 0; file < nfiles; file++) {
    uint32_t n;
    const RlFact *facts = rl_project_facts(px, file, &n);
    uint32_t last_void = UINT32_MAX; /* an override reported once, not per base */
    for (uint32_t i = 0; i < n; i++) {
      const RlFact *f = &facts[i];
      if (f->kind == RL_CPM_FACT_VOID_USE) {
        if (f->loc.start == last_void || !rl_cpm_void_dropped(px, self, f)) continue;
        last_void = f->loc.start;
        RlReport *r =
            f->aux == RL_CPM_VOID_OVERRIDE
                ? rl_project_report(px, self, f,
                                    "async %s: callers through that type ignore the promise it "
                                    "returns, so a rejection is unhandled and the next call "
                                    "does not wait for this one",
                                    f->b)
                : rl_project_report(px, self, f, msg_void, f->b);
        rl_project_hint(px, r, "%s", hint_void);
        continue;
      }
      if (rl_cpm_listener_dropped(px, self, f)) {
        RlReport *r = rl_project_report(px, self, f, msg_void, f->b);
        rl_project_hint(px, r, "%s", hint_void);
        continue;
      }
      if (f->kind != FACT_FOREACH_REF || !rl_fact_of(px, f, self)) continue;
      const RlFact *fn = rl_project_js_binding(px, file, f->a);
      if (!fn || !(fn->flags & RL_FF_ASYNC)) continue;
      const char *m = f->b ? f->b : "forEach";
      RlReport *r;
      if (!strcmp(m, "forEach")) {
        r = rl_project_report(px, self, f, "%s", msg);
      } else if (!strcmp(m, "map") || !strcmp(m, "flatMap")) {
        r = rl_project_report(px, self, f,
                              "async callback passed to %s and the promises it returns are "
                              "not consumed: the calls run concurrently with the code after "
                              "line %u and a rejection goes unhandled",
                              m, f->aux);
        rl_project_hint(px, r, "%s", hint_map);
      } else {
        r = rl_project_report(px, self, f,
                              "async callback passed to %s: the predicate returns a promise, "
                              "which is always truthy, so %s before any awaited test has run",
                              m, pred_effect(m));
        rl_project_hint(px, r, "%s", hint_pred);
      }
      rl_project_related(px, r, fn, "'%s' is declared async here", fn->fn.name);
    }
  }
}

static const RlKind kinds[] = {RL_JS_CALL_EXPRESSION,   RL_JS_NEW_EXPRESSION,
                               RL_JS_IF_STATEMENT,      RL_JS_WHILE_STATEMENT,
                               RL_JS_DO_STATEMENT,      RL_JS_FOR_STATEMENT,
                               RL_JS_TERNARY_EXPRESSION, RL_JS_UNARY_EXPRESSION,
                               RL_JS_VARIABLE_DECLARATOR, RL_JS_CLASS_DECLARATION,
                               RL_JS_ABSTRACT_CLASS_DECLARATION};

const RlRule rl_rule_callback_promise_mix = {
    .id = "callback-promise-mix",
    .title = "Promise given to a callback API that ignores it",
    .summary = "Finds async functions passed where the caller ignores the returned "
               "promise, such as Array.prototype.forEach.",
    .langs = RL_LANG_JSTS,
    .severity = RL_SEV_ERROR,
    .category = RL_CAT_CONCURRENCY,
    .precision = "very-high",
    .hint = hint,
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .begin_file = begin_file,
    .check = check,
    .project = project,
};
