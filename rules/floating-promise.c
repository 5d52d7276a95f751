/* floating-promise.c - a promise used as a bare expression statement: not
 * awaited, returned, stored, `void`ed or given a rejection handler.
 *
 * Without a type checker, a call is taken to return a promise when:
 *  - it calls a function declared async: in this file by scope (plain
 *    calls, `this.m()` inside a class, `Class.m()` for a static method,
 *    `x.m()` for `const x = new Class()`, an async function expression
 *    called in place), or in another scanned module through an import or
 *    require() (phase 2);
 *  - it is a known promise API: fetch(), fs/promises, timers/promises,
 *    stream/promises and dns/promises functions, `x.promises.f()`,
 *    util.promisify() results, dynamic import(), `new Promise`,
 *    Promise.all/allSettled/any/race/reject/resolve;
 *  - it is named in .racelint.json js.promiseFunctions;
 *  - it ends a chain in `.then(f)` (no rejection handler) or `.finally(f)`
 *    on a promise. `.catch(f)` and `.then(f, onRejected)` handle it.
 * An async function that cannot reject (every await, throw and returned
 * call inside the try block of a try/catch) and async generators (they
 * return iterators) are not reported; nor, outside racelint:strict, a call
 * of a function (this file's, or another's in phase 2) that provably
 * cannot reject (fn_cannot_reject: a resolve-only executor, a returned
 * `.catch(h)` chain, every await and call in a try). A Promise static
 * that cannot reject (allSettled; all/race whose every element cannot:
 * rules/js/floating-promise-combinators.c) is not reported either.
 * Statements inside callbacks given
 * to timers, `.on()`/addEventListener or assigned to `onclick`-style
 * handlers are errors (the next tick can overlap, nobody can catch);
 * elsewhere warnings. An arrow whose expression body is such a promise,
 * given directly to one of those handler APIs, is reported too.
 * The cannot-reject evidence is rules/js/floating-promise-cannot-reject.c.
 * Doc: rules/floating-promise.md */
#include <string.h>

#include "../analyzer/rule_api.h"
#include "js/fixes.h"
#include "js/floating-promise.h"

enum {
  /* a bare call of an imported name, resolved in phase 2:
   * a = the name looked up, b = namespace module specifier or NULL (then a
   * is the local binding), c = handler description or NULL. */
  FACT_BARE_IMPORT = RL_FACT_RULE,
  /* an async function that returns no rejecting promise (an async
   * generator, or a body that catches everything): a = its name; or a
   * function or interface member the evidence shapes cover: b =
   * "evidence", or "handled" when it hands out a promise that already has
   * a rejection handler (not evidence for a `.then` chain on it), c = an
   * import the evidence assumes cannot reject or is empty (phase 2 checks
   * it), or NULL. */
  FACT_NO_REJECT,
  /* a bare call `recv.m()` whose receiver's declared type is not declared
   * in this file, resolved in phase 2 (analyzer/js/js_types.c): a = the
   * type's name here, b = the method, c = handler description or NULL. */
  FACT_TYPED_CALL,
  /* a `.then(f)` / `.finally(f)` chain whose callbacks cannot reject, on
   * `recv.m()` / `recv[k]()` of a class declared in another file, resolved
   * in phase 2: a = the class's name here, b = the member's key, c =
   * handler description or NULL; flags = 1 for a `.finally` chain. */
  FACT_TYPED_CHAIN,
  /* a function with an empty body (`export function noop() {}`): a = its
   * name. */
  FACT_EMPTY_FN,
  /* a bare call whose callee cannot reject if the import it names as a
   * rejection handler (`.catch(noop)`) has an empty body, resolved in
   * phase 2: a = that import's local name, b = what the call is (the
   * finding's words), c = handler description or NULL; also a Promise
   * static whose elements call that import (defer_static): flags = 1, b
   * printed unquoted. */
  FACT_ASSUMED_EMPTY,
};

typedef struct Handler {
  RlNode fn;
  const char *what;
} Handler;

typedef struct State {
  Handler *h;
  uint32_t nh, caph;
} State;

/* Section - small syntax helpers */

static bool eq(RlCtx *cx, RlNode n, const char *s) { return n && rl_text_eq(cx, n, s); }

static bool in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, list[i]) == 0) return true;
  return false;
}

/* Section - does a call return a promise? */

/* Is the promise of `call` handled: `.catch(f)`, `.then(f, g)`, or a
 * `.finally()` of a handled one? */
static bool handled(RlCtx *cx, RlNode call) {
  for (int depth = 0; depth < 32 && rl_kind(cx, call) == RL_JS_CALL_EXPRESSION; depth++) {
    const char *m = rl_js_callee_name(cx, call);
    RlNode obj = rl_js_callee_object(cx, call);
    if (!obj) return false;
    if (strcmp(m, "catch") == 0) return rl_js_argc(cx, call) >= 1;
    if (strcmp(m, "then") == 0) {
      RlNode h = rl_strip(cx, rl_js_arg(cx, call, 1));
      return h && !eq(cx, h, "undefined") && !eq(cx, h, "null") &&
             rl_kind(cx, h) != RL_JS_UNDEFINED && rl_kind(cx, h) != RL_JS_NULL;
    }
    if (strcmp(m, "finally") != 0) return false;
    call = rl_strip(cx, obj);
  }
  return false;
}

/* Does the call return a promise that can reject (an async function whose
 * body catches everything cannot)? */
static bool promise_call(RlCtx *cx, RlNode call, RlJsPromise *why) {
  if (!rl_js_returns_promise(cx, call, why)) return false;
  /* racelint:strict reports a module loaded for its effects too */
  if (!why->fn && !rl_file_strict(cx) && strcmp(why->what, "import()") == 0 &&
      rl_floating_promise_entry_import(cx, call))
    return false;
  if (!why->fn) return true;
  /* `this.m()` may run a subclass's override that rejects */
  RlFpEv bud = {.left = RL_FLOATING_PROMISE_BUDGET};
  if (rl_floating_promise_this_override_may_reject(cx, call, 0, &bud)) return true;
  /* only an async body's throws become its rejections */
  if (rl_js_is_async_fn(cx, why->fn) && rl_floating_promise_never_rejects(cx, why->fn))
    return false;
  if (!rl_file_strict(cx) && rl_floating_promise_kept_init(cx, call, why->fn)) return false;
  /* the evidence shapes (fn_cannot_reject): racelint:strict reports them */
  bud = (RlFpEv){.left = RL_FLOATING_PROMISE_BUDGET};
  return rl_file_strict(cx) || !rl_floating_promise_call_cannot_reject(cx, call, why->fn, &bud);
}

/* Section - where the statement runs */

static const char *const timers[] = {"setInterval",    "setTimeout",           "setImmediate",
                                     "queueMicrotask", "requestAnimationFrame", "requestIdleCallback"};
static const char *const listeners[] = {"on",          "once",           "addListener",
                                        "addEventListener", "prependListener",
                                        "prependOnceListener"};

/* If `fn` is passed to a timer or listener API as the argument `arg` of
 * `call`, a description ("setInterval", "'click' listener"). */
static const char *handler_call(RlCtx *cx, RlNode call) {
  const char *name = rl_js_callee_name(cx, call);
  RlNode obj = rl_js_callee_object(cx, call);
  bool tick = !strcmp(name, "nextTick") && eq(cx, obj, "process");
  if (tick || in_list(name, timers, RL_COUNTOF(timers))) {
    if (obj && !tick && !eq(cx, obj, "window") && !eq(cx, obj, "globalThis") &&
        !eq(cx, obj, "global"))
      return NULL;
    char *s = rl_alloc(cx, strlen(name) + 10);
    strcpy(s, name);
    strcat(s, " callback");
    return s;
  }
  if (obj && in_list(name, listeners, RL_COUNTOF(listeners))) {
    RlNode ev = rl_js_arg(cx, call, 0);
    if (rl_kind(cx, ev) == RL_JS_STRING) {
      const char *e = rl_js_module_name(cx, ev);
      char *s = rl_alloc(cx, strlen(e) + 16);
      strcpy(s, "'");
      strcat(s, e);
      strcat(s, "' listener");
      return s;
    }
    return "event listener";
  }
  return NULL;
}

/* `el.onclick = fn`, `onmessage = fn`: the assigned name is on + lowercase. */
static bool on_name(RlCtx *cx, RlNode n) {
  size_t len;
  const char *s = rl_text(cx, n, &len);
  if (len < 3 || s[0] != 'o' || s[1] != 'n') return false;
  for (size_t i = 2; i < len; i++)
    if (s[i] < 'a' || s[i] > 'z') return false;
  return true;
}

/* JSX onClick-style attribute name. */
static bool jsx_on_name(RlCtx *cx, RlNode n) {
  size_t len;
  const char *s = rl_text(cx, n, &len);
  return len > 2 && s[0] == 'o' && s[1] == 'n' && s[2] >= 'A' && s[2] <= 'Z';
}

/* "'onclick' handler" */
static const char *on_handler(RlCtx *cx, RlNode name) {
  const char *s = rl_text_dup(cx, name);
  char *w = rl_alloc(cx, strlen(s) + 12);
  strcpy(w, "'");
  strcat(w, s);
  strcat(w, "' handler");
  return w;
}

/* Is the function-like node fn a timer/listener/on* handler? */
static const char *handler_of(RlCtx *cx, RlNode fn, const State *st) {
  for (uint32_t i = 0; i < st->nh; i++)
    if (st->h[i].fn == fn) return st->h[i].what;
  RlNode p = rl_parent(cx, fn);
  while (p && rl_kind(cx, p) == RL_JS_PARENTHESIZED_EXPRESSION) p = rl_parent(cx, p);
  switch (rl_kind(cx, p)) {
  case RL_JS_ARGUMENTS:
    return handler_call(cx, rl_parent(cx, p));
  case RL_JS_ASSIGNMENT_EXPRESSION: {
    RlNode left = rl_child(cx, p, RL_F_LEFT);
    if (rl_kind(cx, left) == RL_JS_MEMBER_EXPRESSION) left = rl_child(cx, left, RL_F_PROPERTY);
    return left && on_name(cx, left) ? on_handler(cx, left) : NULL;
  }
  case RL_JS_JSX_EXPRESSION: {
    RlNode attr = rl_parent(cx, p);
    if (rl_kind(cx, attr) != RL_JS_JSX_ATTRIBUTE) return NULL;
    RlNode name = rl_named_child(cx, attr, 0);
    return name && jsx_on_name(cx, name) ? on_handler(cx, name) : NULL;
  }
  default:
    return NULL;
  }
}

/* The handler the statement at n runs in, if any enclosing function is one. */
static const char *handler_context(RlCtx *cx, RlNode n, const State *st) {
  for (RlNode fn = rl_enclosing_function(cx, n); fn; fn = rl_enclosing_function(cx, fn)) {
    const char *h = handler_of(cx, fn, st);
    if (h) return h;
  }
  return NULL;
}

static void add_handler(RlCtx *cx, State *st, RlNode fn, const char *what) {
  if (!fn || !what) return;
  if (st->nh == st->caph) {
    uint32_t cap = st->caph ? st->caph * 2 : 16;
    Handler *h = rl_alloc(cx, cap * sizeof *h);
    if (st->nh) memcpy(h, st->h, st->nh * sizeof *h);
    st->h = h;
    st->caph = cap;
  }
  st->h[st->nh++] = (Handler){fn, what};
}

/* Section - callbacks */

/* FACT_NO_REJECT for the evidence ev found about the function at `at`:
 * b = "handled" when it rests on a promise that already has a handler
 * (no evidence for a `.then` chain on it), else "evidence"; c = the import
 * it assumes (phase 2 checks it). */
static void no_reject_fact(RlCtx *cx, RlNode at, const char *name, const RlFpEv *ev, void *arg) {
  (void)arg;
  rl_fact_add(cx, FACT_NO_REJECT, at, name, ev->handled ? "handled" : "evidence", ev->assumed);
}

static void *begin_file(RlCtx *cx) {
  State *st = rl_alloc(cx, sizeof *st);
  RlFpEv ev;
  /* members of an interface of this file whose factory here returns
   * functions that cannot reject (`createRetryer(): Retryer`) */
  if (!rl_file_strict(cx)) rl_floating_promise_factory_members(cx, no_reject_fact, NULL);
  uint32_t n = rl_node_count(cx);
  for (RlNode i = 1; i < n; i++) {
    RlKind k = rl_kind(cx, i);
    if (k == RL_JS_CALL_EXPRESSION) {
      /* setInterval(tick, 1000), emitter.on('x', onX): named handlers */
      const char *what = handler_call(cx, i);
      if (!what) continue;
      uint32_t argc = rl_js_argc(cx, i);
      for (uint32_t a = 0; a < argc; a++) {
        RlNode arg = rl_strip(cx, rl_js_arg(cx, i, a));
        if (rl_kind(cx, arg) == RL_JS_IDENTIFIER)
          add_handler(cx, st, rl_js_local_function(cx, arg), what);
      }
    } else if (k == RL_JS_ASSIGNMENT_EXPRESSION) {
      RlNode left = rl_child(cx, i, RL_F_LEFT);
      RlNode right = rl_strip(cx, rl_child(cx, i, RL_F_RIGHT));
      if (rl_kind(cx, left) == RL_JS_MEMBER_EXPRESSION) left = rl_child(cx, left, RL_F_PROPERTY);
      if (left && on_name(cx, left) && rl_kind(cx, right) == RL_JS_IDENTIFIER)
        add_handler(cx, st, rl_js_local_function(cx, right), on_handler(cx, left));
    } else if (rl_js_is_async(cx, i) &&
               (rl_js_is_generator(cx, i) || rl_floating_promise_never_rejects(cx, i))) {
      /* for phase 2: async functions that give no rejecting promise */
      const char *name = rl_function_name(cx, i);
      if (*name) rl_fact_add(cx, FACT_NO_REJECT, i, name, NULL, NULL);
    } else if (rl_js_is_function(cx, i) && !rl_file_strict(cx) &&
               rl_floating_promise_fn_cannot_reject(cx, i, 0, (ev = (RlFpEv){.left = RL_FLOATING_PROMISE_BUDGET, .assume = true}, &ev))) {
      /* the evidence shapes, found again in phase 2 by name and line */
      const char *name = rl_function_name(cx, i);
      if (*name) no_reject_fact(cx, i, name, &ev, NULL);
    } else if (rl_js_is_function(cx, i) && rl_floating_promise_fn_empty(cx, i)) {
      /* for phase 2: `.catch(noop)` in another file with this noop */
      const char *name = rl_function_name(cx, i);
      if (*name) rl_fact_add(cx, FACT_EMPTY_FN, i, name, NULL, NULL);
    }
  }
  return st;
}

static const char *hint_handler =
    "Nothing awaits a handler's promise: make the handler async with try/catch around "
    "the await, or hand the work to the runtime's runInBackground(fn, onError) "
    "(runtime/js), which routes a throw or rejection to onError; to keep ticks from "
    "overlapping, guard the job with the runtime's Mutex (runExclusive) or a running flag.";

/* Does fn declare tests (test(), it(), describe() ... inside)? */
static bool defines_tests(RlCtx *cx, RlNode fn) {
  static const char *const names[] = {"test", "it", "describe", "suite"};
  RlNode body = rl_child(cx, fn, RL_F_BODY), end = rl_node_end(cx, body);
  for (RlNode i = body; i && i < end; i++)
    if (rl_kind(cx, i) == RL_JS_CALL_EXPRESSION &&
        in_list(rl_js_callee_name(cx, i), names, RL_COUNTOF(names)))
      return true;
  return false;
}

/* The fixes of a floating promise at `at` (a call or `new`, the whole
 * dropped expression or a branch of `&&`/`?:` in it): `await` it where the
 * function around it is async, `.catch` it with the file's logger
 * (rl_js_fix_catch_logger), or mark it fire-and-forget with `void`.
 * All unsafe: await makes the code after it wait and lets a rejection
 * throw there; void keeps the promise unhandled, so it only records that
 * nobody waits on purpose. */
static void offer_fixes(RlCtx *cx, RlReport *r, RlNode at) {
  RlKind k = rl_kind(cx, at);
  if (k != RL_JS_CALL_EXPRESSION && k != RL_JS_NEW_EXPRESSION) return;
  RlNode fn = rl_enclosing_function(cx, at);
  if (fn && rl_js_is_async(cx, fn))
    rl_report_fix(cx, r, "Await the promise (the code after it waits; a rejection throws here)",
                  RL_FIX_UNSAFE, at, true, "await ");
  rl_js_fix_catch_logger(cx, r, NULL, at);
  rl_report_fix(cx, r, "Mark it fire-and-forget with void (a rejection stays unhandled)",
                RL_FIX_UNSAFE, at, true, "void ");
}

/* The same fixes kept on fact f (recorded at `at` just before) for the
 * finding phase 2 may raise there (rl_project_fix). */
static void offer_fact_fixes(RlCtx *cx, RlFact *f, RlNode at) {
  RlKind k = rl_kind(cx, at);
  if (k != RL_JS_CALL_EXPRESSION && k != RL_JS_NEW_EXPRESSION) return;
  uint32_t s = rl_loc(cx, at).start;
  RlNode fn = rl_enclosing_function(cx, at);
  if (fn && rl_js_is_async(cx, fn))
    rl_fact_fix(cx, f, "Await the promise (the code after it waits; a rejection throws here)",
                RL_FIX_UNSAFE, s, s, "await ");
  rl_js_fix_catch_logger(cx, NULL, f, at);
  rl_fact_fix(cx, f, "Mark it fire-and-forget with void (a rejection stays unhandled)",
              RL_FIX_UNSAFE, s, s, "void ");
}

/* Outside racelint:strict, a callee that cannot reject if an import it
 * gives as a rejection handler has an empty body (`.catch(noop)`, noop
 * imported): phase 2 checks the import (FACT_ASSUMED_EMPTY). True when
 * deferred. */
static bool defer_assumed(RlCtx *cx, RlNode call, RlNode at, const RlJsPromise *why,
                          const char *handler) {
  if (rl_file_strict(cx) || !why->fn) return false;
  RlFpEv ev = {.left = RL_FLOATING_PROMISE_BUDGET};
  if (rl_floating_promise_this_override_may_reject(cx, call, 0, &ev)) return false;
  ev = (RlFpEv){.left = RL_FLOATING_PROMISE_BUDGET, .assume = true};
  if (!rl_floating_promise_call_cannot_reject(cx, call, why->fn, &ev) || !ev.assumed) return false;
  /* the finding's words name the callee in quotes, as phase 2 does */
  const char *what = why->what;
  size_t n = strlen(what);
  if (n >= 2 && what[0] == '\'' && what[n - 1] == '\'') what = rl_str(cx, what + 1, n - 2);
  offer_fact_fixes(cx, rl_fact_add(cx, FACT_ASSUMED_EMPTY, at, ev.assumed, what, handler), at);
  return true;
}

static void report(RlCtx *cx, RlNode call, RlNode at, const RlJsPromise *why,
                   const char *handler) {
  /* a test file's top-level call of its own async function that declares
   * the tests: a rejection ends the test process, which the runner reports */
  if (rl_file_context(cx) == RL_CTX_TEST && !rl_file_strict(cx) && !handler &&
      !rl_enclosing_function(cx, at) && why->fn && defines_tests(cx, why->fn))
    return;
  if (defer_assumed(cx, call, at, why, handler)) return;
  RlReport *r;
  if (handler) {
    r = rl_report(cx, at,
                  "the promise of %s is neither awaited nor given a rejection handler in "
                  "this %s: the callback returns at once, so the next call can "
                  "overlap this one, and a rejection is unhandled",
                  why->what, handler);
    rl_report_severity(cx, r, RL_SEV_ERROR);
    rl_report_hint(cx, r, "%s", hint_handler);
  } else {
    RlLoc lc = rl_loc(cx, at);
    r = rl_report(cx, at,
                  "the promise of %s is neither awaited, returned nor given a rejection "
                  "handler: the code after line %u runs while it is still pending, and a "
                  "rejection is unhandled",
                  why->what, lc.line);
  }
  offer_fixes(cx, r, at);
  /* an async IIFE is its own declaration */
  if (why->fn && (why->fn < at || why->fn >= rl_node_end(cx, at)))
    rl_report_related(cx, r, why->fn,
                      rl_js_is_async(cx, why->fn) ? "declared async here"
                                                  : "declared to return a promise here");
}

/* A bare call of an imported name or of a member of an imported module
 * namespace: phase 2 looks for its definition. */
static void defer_import(RlCtx *cx, RlNode call, RlNode at, const char *handler) {
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return;
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (rl_kind(cx, f) == RL_JS_IDENTIFIER) {
    if (rl_js_resolve(cx, f, NULL) != RL_BIND_IMPORT) return;
    offer_fact_fixes(cx, rl_fact_add(cx, FACT_BARE_IMPORT, at, rl_text_dup(cx, f), NULL, handler),
                     at);
  } else if (rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION) {
    RlNode obj = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
    const char *mod, *imported;
    if (rl_kind(cx, obj) != RL_JS_IDENTIFIER || rl_js_resolve(cx, obj, NULL) != RL_BIND_IMPORT)
      return;
    if (!rl_js_import_of(cx, obj, &mod, &imported) || strcmp(imported, "*") != 0) return;
    offer_fact_fixes(cx,
                     rl_fact_add(cx, FACT_BARE_IMPORT, at,
                                 rl_text_dup(cx, rl_child(cx, f, RL_F_PROPERTY)), mod, handler),
                     at);
  }
}

/* A bare call `recv.m()` whose receiver has a declared type this file
 * does not declare (an imported class or interface): phase 2. */
static void defer_typed(RlCtx *cx, RlNode call, RlNode at, const char *handler) {
  if (rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return;
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  if (rl_kind(cx, f) != RL_JS_MEMBER_EXPRESSION) return;
  RlNode prop = rl_child(cx, f, RL_F_PROPERTY);
  RlNode type = rl_js_receiver_type(cx, rl_child(cx, f, RL_F_OBJECT));
  if (!type || !prop || rl_js_local_type(cx, rl_text_dup(cx, type))) return;
  const char *mod, *imported;
  if (!rl_js_import_of(cx, type, &mod, &imported)) return; /* a global type: unknown */
  offer_fact_fixes(
      cx, rl_fact_add(cx, FACT_TYPED_CALL, at, rl_text_dup(cx, type), rl_text_dup(cx, prop), handler),
      at);
}

/* The first base class, up the `extends` chain of cls through classes of
 * this file, that is not declared here (its name node), or RL_NONE. */
static RlNode extern_base(RlCtx *cx, RlNode cls) {
  for (int depth = 0; cls && depth < 6; depth++) {
    RlNode up = rl_floating_promise_base_name(cx, cls);
    if (!up) return RL_NONE;
    RlNode next = rl_js_local_class(cx, rl_text_dup(cx, up));
    if (!next) return up;
    cls = next;
  }
  return RL_NONE;
}

/* A `.then(f)` / `.finally(f)` chain whose callbacks cannot reject, on a
 * call of a method that another file declares: `this.m()` / `this[k]()`
 * that neither the class nor its bases here declare, the class extending
 * an imported one; or `x.m()` on an instance of an imported class
 * (receiver_type_name). Outside racelint:strict, phase 2 looks the method
 * up (FACT_TYPED_CHAIN) and reports the chain unless it cannot reject.
 * True when deferred. */
static bool defer_chain(RlCtx *cx, RlNode e, RlNode at, const char *handler) {
  RlJsPromise why;
  if (rl_file_strict(cx) || !rl_js_returns_promise(cx, e, &why)) return false;
  RlNode call = e;
  for (int d = 0;; d++) {
    if (d >= 32 || rl_kind(cx, call) != RL_JS_CALL_EXPRESSION) return false;
    const char *m = rl_js_callee_name(cx, call);
    if (strcmp(m, "then") != 0 && strcmp(m, "finally") != 0) break;
    if (rl_js_argc(cx, call) != 1 ||
        !rl_floating_promise_callback_settles(cx, rl_strip(cx, rl_js_arg(cx, call, 0))))
      return false;
    call = rl_strip(cx, rl_js_callee_object(cx, call));
  }
  RlFpEv bud = {.left = RL_FLOATING_PROMISE_BUDGET};
  if (call == e || rl_floating_promise_callee_fn(cx, call, 0, &bud)) return false; /* judged here */
  RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
  const char *key = rl_floating_promise_member_key(cx, f);
  if (!key || !*key) return false;
  RlNode recv = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT)), type;
  if (rl_kind(cx, recv) == RL_JS_THIS) {
    RlNode cls = rl_js_this_class(cx, f);
    bud = (RlFpEv){.left = RL_FLOATING_PROMISE_BUDGET};
    if (!cls || rl_floating_promise_this_override_may_reject(cx, call, 0, &bud)) return false;
    type = extern_base(cx, cls);
  } else {
    type = rl_floating_promise_receiver_type_name(cx, recv);
  }
  const char *mod, *imported;
  if (!type || rl_js_local_type(cx, rl_text_dup(cx, type)) ||
      rl_js_local_class(cx, rl_text_dup(cx, type)) || !rl_js_import_of(cx, type, &mod, &imported))
    return false;
  RlFact *fact = rl_fact_add(cx, FACT_TYPED_CHAIN, at, rl_text_dup(cx, type), key, handler);
  fact->flags = strcmp(rl_js_callee_name(cx, e), "finally") == 0;
  offer_fact_fixes(cx, fact, at);
  return true;
}

/* Outside racelint:strict, a Promise static whose elements cannot reject
 * if an import they call cannot (`Promise.all(ids.map(settle))`, settle
 * imported), or a settled `.then`/`.finally` chain on one: phase 2 checks
 * the import (FACT_ASSUMED_EMPTY; flags = 1: `what` is no name, printed
 * unquoted). True when deferred. */
static bool defer_static(RlCtx *cx, RlNode e, RlNode at, const char *handler) {
  if (rl_file_strict(cx)) return false;
  RlNode base = e;
  for (int d = 0; d < 32 && rl_kind(cx, base) == RL_JS_CALL_EXPRESSION; d++) {
    const char *m = rl_js_callee_name(cx, base);
    RlNode obj = rl_js_callee_object(cx, base);
    if (!obj || (strcmp(m, "then") != 0 && strcmp(m, "finally") != 0)) break;
    base = rl_strip(cx, obj);
  }
  const char *assumed = NULL;
  RlJsPromise why;
  if (rl_kind(cx, base) != RL_JS_CALL_EXPRESSION ||
      !rl_floating_promise_static_settles(cx, base, &assumed) || !assumed ||
      !rl_js_returns_promise(cx, e, &why))
    return false;
  if (base != e) {
    RlFpEv ev = {.left = RL_FLOATING_PROMISE_BUDGET, .assume = true, .assumed = assumed};
    if (!rl_floating_promise_settled_chain_at(cx, e, 0, &ev) || strcmp(ev.assumed, assumed) != 0)
      return false;
  }
  RlFact *f = rl_fact_add(cx, FACT_ASSUMED_EMPTY, at, assumed, why.what, handler);
  f->flags = 1;
  offer_fact_fixes(cx, f, at);
  return true;
}

/* The one shape the rule reports when it is on by default only
 * (rl_rule_narrow; rules/floating-promise.md, "The default shape"): a
 * statement that is a `.then(f)` / `.finally(f)` chain (a rejection
 * handler's absence is decided after), in a callback (a function literal
 * given as an argument, or a timer or event handler), outside test code.
 * On the development set's judged findings: 16 TRUE of 23. */
static bool default_shape(RlCtx *cx, RlNode e, RlNode at, const char *handler) {
  if (rl_file_context(cx) == RL_CTX_TEST) return false;
  e = rl_strip(cx, e);
  if (rl_kind(cx, e) != RL_JS_CALL_EXPRESSION || !rl_js_callee_object(cx, e)) return false;
  const char *m = rl_js_callee_name(cx, e);
  if (strcmp(m, "then") != 0 && strcmp(m, "finally") != 0) return false;
  if (handler) return true;
  RlNode fn = rl_enclosing_function(cx, at);
  while (fn && rl_kind(cx, rl_parent(cx, fn)) == RL_JS_PARENTHESIZED_EXPRESSION) fn = rl_parent(cx, fn);
  return fn && rl_kind(cx, rl_parent(cx, fn)) == RL_JS_ARGUMENTS;
}

/* Checks one expression whose value is dropped (and the branches of
 * `&&`, `||`, `??` and `?:` in it). */
static void dropped(RlCtx *cx, RlNode e0, RlNode at0, const char *handler) {
  if (rl_rule_narrow(cx) && !default_shape(cx, e0, at0, handler)) return;
  /* a work list instead of recursion: `a ? b : c ? d : ...` can nest deep */
  RlNode todo[32][2];
  uint32_t n = 0;
  todo[n][0] = e0;
  todo[n++][1] = at0;
  while (n) {
    n--;
    RlNode e = rl_strip(cx, todo[n][0]), at = todo[n][1];
    RlKind k = rl_kind(cx, e);
    if (k == RL_JS_BINARY_EXPRESSION) {
      const char *op = rl_op(cx, e);
      RlNode right = rl_child(cx, e, RL_F_RIGHT);
      if ((!strcmp(op, "&&") || !strcmp(op, "||") || !strcmp(op, "??")) && n < 32) {
        todo[n][0] = right;
        todo[n++][1] = right;
      }
      continue;
    }
    if (k == RL_JS_TERNARY_EXPRESSION) {
      RlNode a = rl_child(cx, e, RL_F_CONSEQUENCE), b = rl_child(cx, e, RL_F_ALTERNATIVE);
      if (n + 2 > 32) continue;
      todo[n][0] = b; /* popped second: reports stay in source order */
      todo[n++][1] = b;
      todo[n][0] = a;
      todo[n++][1] = a;
      continue;
    }
    if (k != RL_JS_CALL_EXPRESSION && k != RL_JS_NEW_EXPRESSION) continue;
    if (handled(cx, e)) continue;
    if (k == RL_JS_CALL_EXPRESSION && strcmp(rl_js_callee_name(cx, e), "finally") == 0) {
      /* finally passes the rejection on: look at what it is called on;
       * on a Promise static that cannot reject, only its callback can
       * reject (then the chain is reported, as settled_chain decides) */
      RlNode obj = rl_strip(cx, rl_js_callee_object(cx, e));
      const char *assumed = NULL;
      if ((rl_kind(cx, obj) == RL_JS_CALL_EXPRESSION || rl_kind(cx, obj) == RL_JS_NEW_EXPRESSION) &&
          !rl_floating_promise_static_settles(cx, obj, rl_file_strict(cx) ? NULL : &assumed)) {
        todo[n][0] = obj; /* n < 32: one was just popped */
        todo[n++][1] = at;
        continue;
      }
    }
    if (k == RL_JS_CALL_EXPRESSION && rl_floating_promise_settled_chain(cx, e)) continue;
    /* `p.then()` with no callback does nothing but drop p on purpose, as
     * `void p` does (`.catch()` without a handler is still reported: it
     * reads as handling and handles nothing); racelint:strict reports it */
    if (k == RL_JS_CALL_EXPRESSION && !rl_file_strict(cx) && rl_js_argc(cx, e) == 0 &&
        strcmp(rl_js_callee_name(cx, e), "then") == 0 && rl_js_callee_object(cx, e))
      continue;
    /* a hand-written retry loop's next round: racelint:strict reports it */
    if (k == RL_JS_CALL_EXPRESSION && !rl_file_strict(cx) && rl_floating_promise_retry_step(cx, e))
      continue;
    if (k == RL_JS_CALL_EXPRESSION && defer_chain(cx, e, at, handler)) continue;
    /* `Promise.all([...])` of promises that cannot reject, allSettled */
    if (k == RL_JS_CALL_EXPRESSION && rl_floating_promise_static_settles(cx, e, NULL)) continue;
    if (k == RL_JS_CALL_EXPRESSION && defer_static(cx, e, at, handler)) continue;
    RlJsPromise why;
    if (promise_call(cx, e, &why)) {
      report(cx, e, at, &why, handler);
    } else if (!why.fn) {
      defer_import(cx, e, at, handler);
      defer_typed(cx, e, at, handler);
    }
  }
}

/* Section - tests */

/* The first parameter of fn as a plain name ("" when it has none or
 * destructures). */
static const char *first_param(RlCtx *cx, RlNode fn) {
  RlNode p = rl_child(cx, fn, RL_F_PARAMETER); /* t => ... */
  if (!p) p = rl_named_child(cx, rl_child(cx, fn, RL_F_PARAMETERS), 0);
  if (p && rl_kind(cx, p) != RL_JS_IDENTIFIER) p = rl_child(cx, p, RL_F_PATTERN);
  return p && rl_kind(cx, p) == RL_JS_IDENTIFIER ? rl_text_dup(cx, p) : "";
}

/* Does fn's body end its test through its first parameter: tap's and
 * node:test's `t.plan(n)` / `t.end()`, or a `done` callback it calls or
 * hands to a helper that calls it (mocha's `.then(succeed(done),
 * fail(done))`, `latch(2, done)`)? A test that takes a callback and never
 * gets it called fails by timeout: it cannot pass. */
static bool ends_through_param(RlCtx *cx, RlNode fn) {
  const char *p = first_param(cx, fn);
  if (!*p) return false;
  RlNode body = rl_child(cx, fn, RL_F_BODY), end = rl_node_end(cx, body);
  for (RlNode i = body; i && i < end; i++) {
    if (rl_kind(cx, i) == RL_JS_IDENTIFIER && rl_text_eq(cx, i, p) &&
        rl_kind(cx, rl_parent(cx, i)) == RL_JS_ARGUMENTS) {
      /* handed on as a callback, not logged or compared */
      RlNode call = rl_parent(cx, rl_parent(cx, i));
      RlNode f = rl_strip(cx, rl_child(cx, call, RL_F_FUNCTION));
      RlNode o = rl_kind(cx, f) == RL_JS_MEMBER_EXPRESSION ? rl_child(cx, f, RL_F_OBJECT) : RL_NONE;
      if (!(o && eq(cx, o, "console"))) return true;
    }
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    RlNode f = rl_strip(cx, rl_child(cx, i, RL_F_FUNCTION));
    if (rl_kind(cx, f) == RL_JS_IDENTIFIER && rl_text_eq(cx, f, p)) return true;
    if (rl_kind(cx, f) != RL_JS_MEMBER_EXPRESSION) continue;
    RlNode o = rl_strip(cx, rl_child(cx, f, RL_F_OBJECT));
    RlNode m = rl_child(cx, f, RL_F_PROPERTY);
    if (rl_kind(cx, o) == RL_JS_IDENTIFIER && rl_text_eq(cx, o, p) &&
        (eq(cx, m, "plan") || eq(cx, m, "end")))
      return true;
  }
  return false;
}

/* In a test file, does the framework already catch what a floating promise
 * at n loses? In a test that counts its assertions (t.plan), ends
 * itself (t.end) or takes a done callback, a rejection is an unhandled
 * rejection that fails the test, and a chain that never runs leaves the
 * test unfinished. An async test with none of these can pass before the
 * chain's assertions run: still reported. */
static bool test_waits(RlCtx *cx, RlNode n) {
  for (RlNode fn = rl_enclosing_function(cx, n); fn; fn = rl_enclosing_function(cx, fn))
    if (rl_kind(cx, rl_parent(cx, fn)) == RL_JS_ARGUMENTS && ends_through_param(cx, fn))
      return true;
  return false;
}

static const char *const assert_roots[] = {"expect", "assert", "should", "t", "chai"};

/* Is a name bound by fn's parameters (plain or destructured:
 * `async ({ equal, rejects }) => ...`)? */
static bool param_named(RlCtx *cx, RlNode fn, RlNode id) {
  RlNode ps = rl_child(cx, fn, RL_F_PARAMETERS);
  if (!ps) ps = rl_child(cx, fn, RL_F_PARAMETER);
  RlNode end = ps ? rl_node_end(cx, ps) : RL_NONE;
  for (RlNode i = ps; i && i < end; i++) {
    RlKind k = rl_kind(cx, i);
    if ((k == RL_JS_IDENTIFIER || k == RL_JS_SHORTHAND_PROPERTY_IDENTIFIER_PATTERN) &&
        rl_floating_promise_same_text(cx, i, id))
      return true;
  }
  return false;
}

/* Does cb make an assertion: a call whose callee starts with expect,
 * assert, should, t or chai, or with a parameter of a callback that
 * encloses `at` (the test's `t`, `{ equal }`), or reads `.should`? */
static bool asserts_in(RlCtx *cx, RlNode cb, RlNode at) {
  RlNode end = rl_node_end(cx, cb);
  for (RlNode i = cb; i < end; i++) {
    if (rl_kind(cx, i) == RL_JS_PROPERTY_IDENTIFIER && eq(cx, i, "should")) return true;
    if (rl_kind(cx, i) != RL_JS_CALL_EXPRESSION) continue;
    RlNode r = rl_strip(cx, rl_child(cx, i, RL_F_FUNCTION));
    for (int d = 0; d < 32; d++) {
      if (rl_kind(cx, r) == RL_JS_MEMBER_EXPRESSION) r = rl_strip(cx, rl_child(cx, r, RL_F_OBJECT));
      else if (rl_kind(cx, r) == RL_JS_CALL_EXPRESSION) r = rl_strip(cx, rl_child(cx, r, RL_F_FUNCTION));
      else break;
    }
    if (rl_kind(cx, r) != RL_JS_IDENTIFIER) continue;
    if (in_list(rl_text_dup(cx, r), assert_roots, RL_COUNTOF(assert_roots))) return true;
    for (RlNode fn = rl_enclosing_function(cx, at); fn; fn = rl_enclosing_function(cx, fn))
      if (rl_kind(cx, rl_parent(cx, fn)) == RL_JS_ARGUMENTS && param_named(cx, fn, r)) return true;
  }
  return false;
}

/* In a test, a `.then(f)` / `.finally(f)` chain whose callbacks (function
 * literals) assert nothing: all it can lose is a rejection, which the
 * runner reports as an unhandled rejection (tap, node:test, mocha, jest
 * fail the run). A chain whose callbacks assert can run after the test
 * has passed, and its assertions are lost: still reported. */
static bool unasserted_test_chain(RlCtx *cx, RlNode e, RlNode at) {
  e = rl_strip(cx, e);
  if (rl_kind(cx, e) != RL_JS_CALL_EXPRESSION) return false;
  const char *m = rl_js_callee_name(cx, e);
  if (strcmp(m, "then") != 0 && strcmp(m, "finally") != 0) return false;
  RlNode c = e;
  for (int d = 0; d < 32 && rl_kind(cx, c) == RL_JS_CALL_EXPRESSION; d++) {
    m = rl_js_callee_name(cx, c);
    if (strcmp(m, "then") != 0 && strcmp(m, "finally") != 0 && strcmp(m, "catch") != 0) break;
    for (uint32_t a = 0; a < rl_js_argc(cx, c); a++) {
      RlNode cb = rl_strip(cx, rl_js_arg(cx, c, a));
      if (!rl_js_is_function(cx, cb) || asserts_in(cx, cb, at)) return false;
    }
    c = rl_strip(cx, rl_js_callee_object(cx, c));
  }
  return true;
}

static void check(RlCtx *cx, RlNode n, void *state) {
  const State *st = state;
  if (rl_file_context(cx) == RL_CTX_TEST && !rl_file_strict(cx)) {
    /* a type test (tsd's *.test-d.ts) is type-checked, never run */
    if (strstr(rl_path(cx), ".test-d.")) return;
    if (test_waits(cx, n)) return;
  }
  if (rl_kind(cx, n) == RL_JS_ARROW_FUNCTION) {
    /* setTimeout(() => save(), 10), onClick={() => save()} */
    RlNode body = rl_child(cx, n, RL_F_BODY);
    if (!body || rl_kind(cx, body) == RL_JS_STATEMENT_BLOCK) return;
    const char *h = handler_of(cx, n, st);
    if (h) dropped(cx, body, body, h);
    return;
  }
  RlNode e = rl_named_child(cx, n, 0);
  while (e && rl_kind(cx, e) == RL_JS_COMMENT) e = rl_next_sibling(cx, e);
  if (!e) return;
  RlNode s = rl_strip(cx, e);
  if (rl_file_context(cx) == RL_CTX_TEST && !rl_file_strict(cx) && unasserted_test_chain(cx, s, n))
    return;
  RlKind k = rl_kind(cx, s);
  if (k != RL_JS_CALL_EXPRESSION && k != RL_JS_NEW_EXPRESSION && k != RL_JS_BINARY_EXPRESSION &&
      k != RL_JS_TERNARY_EXPRESSION)
    return;
  dropped(cx, s, s, handler_context(cx, n, st));
}

/* Section - phase 2 */

static bool empty_fn(const RlProject *px, const RlRule *self, const RlFact *fn);
static bool no_reject_at(const RlProject *px, const RlRule *self, const RlFact *fn, int depth);

/* Does the import a FACT_NO_REJECT (or FACT_ASSUMED_EMPTY) assumes,
 * `name` in `file`, hold: a function with an empty body, or one that
 * cannot reject? */
static bool assumption_holds(const RlProject *px, const RlRule *self, uint32_t file,
                             const char *name, int depth) {
  if (!name || !*name) return true;
  const RlFact *fn = rl_project_js_binding(px, file, name);
  return fn && (empty_fn(px, self, fn) || (depth < 4 && no_reject_at(px, self, fn, depth + 1)));
}

static bool no_reject_at(const RlProject *px, const RlRule *self, const RlFact *fn, int depth) {
  uint32_t n;
  const RlFact *f = rl_project_facts(px, fn->file, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == FACT_NO_REJECT && rl_fact_of(px, &f[i], self) &&
        strcmp(f[i].a, fn->fn.name) == 0 &&
        (!f[i].b || !*f[i].b || f[i].loc.line == fn->loc.line) &&
        assumption_holds(px, self, f[i].file, f[i].c, depth))
      return true;
  return false;
}

static bool no_reject(const RlProject *px, const RlRule *self, const RlFact *fn) {
  return no_reject_at(px, self, fn, 0);
}

/* Is the declaration `decl` (a function's or member's RL_FACT_JS_TYPE
 * fact) of a function that cannot reject (FACT_NO_REJECT at its line,
 * named `name` or "Class.name")? For a `.then` chain on its promise
 * (chain), a promise that only has a handler attached does not count. */
static bool decl_no_reject(const RlProject *px, const RlRule *self, const RlFact *decl,
                           const char *name, bool chain) {
  if (!decl) return false;
  uint32_t n;
  const RlFact *f = rl_project_facts(px, decl->file, &n);
  size_t ln = strlen(name);
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != FACT_NO_REJECT || !rl_fact_of(px, &f[i], self) ||
        f[i].loc.line != decl->loc.line || (chain && f[i].b && !strcmp(f[i].b, "handled")) ||
        !assumption_holds(px, self, f[i].file, f[i].c, 0))
      continue;
    /* a method's fact is named "Class.m" */
    size_t la = strlen(f[i].a);
    if (strcmp(f[i].a, name) == 0 ||
        (la > ln && f[i].a[la - ln - 1] == '.' && strcmp(f[i].a + la - ln, name) == 0))
      return true;
  }
  return false;
}

/* What module `file` exports as `name`, as a function fact. */
static const RlFact *exported(const RlProject *px, uint32_t file, const char *name) {
  uint32_t n;
  const RlFact *f = rl_project_facts(px, file, &n);
  for (uint32_t i = 0; i < n; i++) {
    if (f[i].kind != RL_FACT_EXPORT || strcmp(f[i].export.name, name) != 0) continue;
    if (*f[i].export.from) {
      int32_t t = rl_project_resolve(px, file, f[i].export.from);
      return t < 0 ? NULL : rl_project_js_binding(px, (uint32_t)t, f[i].export.local);
    }
    return rl_project_js_binding(px, file, f[i].export.local);
  }
  const RlFact *fn = rl_project_func(px, file, name);
  return fn && (fn->flags & RL_FF_EXPORTED) ? fn : NULL;
}

/* A call of another file's function or method declared to return a
 * promise (not async: those are FACT_BARE_IMPORT's first case). */
static void typed_report(RlProject *px, const RlRule *self, const RlFact *f, const char *what,
                         const RlFact *decl) {
  RlReport *r;
  /* a deferred Promise static or chain (defer_static) is no name */
  const char *q = f->kind == FACT_ASSUMED_EMPTY && f->flags ? "" : "'";
  if (f->c && *f->c)
    r = rl_project_report(px, self, f,
                          "the promise of %s%s%s is neither awaited nor given a rejection "
                          "handler in this %s: the callback returns at once, so the next call "
                          "can overlap this one, and a rejection is unhandled",
                          q, what, q, f->c);
  else
    r = rl_project_report(px, self, f,
                          "the promise of %s%s%s is neither awaited, returned nor given a "
                          "rejection handler: the code after line %u runs while it is still "
                          "pending, and a rejection is unhandled",
                          q, what, q, f->loc.line);
  if (f->c && *f->c) rl_project_severity(px, r, RL_SEV_ERROR);
  if (decl) rl_project_related(px, r, decl, "declared to return a promise here");
  rl_project_fix(px, r, f); /* await or void, built in phase 1 */
}

/* A deferred chain (FACT_TYPED_CHAIN) whose method may reject: reported
 * as phase 1 reports a chain, with the fixes phase 1 kept on the fact. */
static void chain_report(RlProject *px, const RlRule *self, const RlFact *f) {
  const char *what = f->flags ? "this .finally() chain" : "this .then() chain";
  RlReport *r;
  if (f->c && *f->c) {
    r = rl_project_report(px, self, f,
                          "the promise of %s is neither awaited nor given a rejection handler in "
                          "this %s: the callback returns at once, so the next call can "
                          "overlap this one, and a rejection is unhandled",
                          what, f->c);
    rl_project_severity(px, r, RL_SEV_ERROR);
    rl_project_hint(px, r, "%s", hint_handler);
  } else {
    r = rl_project_report(px, self, f,
                          "the promise of %s is neither awaited, returned nor given a rejection "
                          "handler: the code after line %u runs while it is still pending, and "
                          "a rejection is unhandled",
                          what, f->loc.line);
  }
  rl_project_fix(px, r, f);
}

/* Is the function fact fn one with an empty body (FACT_EMPTY_FN at its
 * line)? */
static bool empty_fn(const RlProject *px, const RlRule *self, const RlFact *fn) {
  if (!fn || (fn->flags & RL_FF_ASYNC)) return false;
  uint32_t n;
  const RlFact *f = rl_project_facts(px, fn->file, &n);
  for (uint32_t i = 0; i < n; i++)
    if (f[i].kind == FACT_EMPTY_FN && rl_fact_of(px, &f[i], self) &&
        f[i].loc.line == fn->loc.line && strcmp(f[i].a, fn->fn.name) == 0)
      return true;
  return false;
}

static void project(RlProject *px, const RlRule *self) {
  uint32_t nfiles = rl_project_nfiles(px);
  for (uint32_t file = 0; file < nfiles; file++) {
    uint32_t n;
    const RlFact *facts = rl_project_facts(px, file, &n);
    for (uint32_t i = 0; i < n; i++) {
      const RlFact *f = &facts[i];
      if (f->kind == FACT_TYPED_CHAIN && rl_fact_of(px, f, self)) {
        const RlFact *decl;
        rl_project_js_member(px, file, f->a, f->b, &decl);
        if (!decl_no_reject(px, self, decl, f->b, true)) chain_report(px, self, f);
        continue;
      }
      if (f->kind == FACT_ASSUMED_EMPTY && rl_fact_of(px, f, self)) {
        if (!assumption_holds(px, self, file, f->a, 0)) typed_report(px, self, f, f->b, NULL);
        continue;
      }
      if (f->kind == FACT_TYPED_CALL && rl_fact_of(px, f, self)) {
        const RlFact *decl;
        if (rl_project_js_member(px, file, f->a, f->b, &decl) == RL_JT_PROMISE &&
            !decl_no_reject(px, self, decl, f->b, false))
          typed_report(px, self, f, f->b, decl);
        continue;
      }
      if (f->kind != FACT_BARE_IMPORT || !rl_fact_of(px, f, self)) continue;
      const RlFact *fn;
      int32_t t = -1;
      if (f->b && *f->b) {
        t = rl_project_resolve(px, file, f->b);
        fn = t < 0 ? NULL : exported(px, (uint32_t)t, f->a);
      } else {
        fn = rl_project_js_binding(px, file, f->a);
      }
      if (!fn || !(fn->flags & RL_FF_ASYNC) || (fn->flags & RL_FF_METHOD)) {
        /* declared to return a promise (`: Promise<T>`, a signature) */
        const RlFact *decl;
        if ((fn && (fn->flags & RL_FF_ASYNC)) || (f->b && *f->b && t < 0)) continue;
        if (rl_project_js_func(px, f->b && *f->b ? (uint32_t)t : file, f->a, &decl) ==
                RL_JT_PROMISE &&
            !decl_no_reject(px, self, decl, decl ? decl->jstype.member : f->a, false))
          typed_report(px, self, f, f->a, decl);
        continue;
      }
      if (no_reject(px, self, fn)) continue;
      RlReport *r;
      if (f->c && *f->c)
        r = rl_project_report(px, self, f,
                              "the promise of '%s' is neither awaited nor given a rejection "
                              "handler in this %s: the callback returns at once, so "
                              "the next call can overlap this one, and a rejection is "
                              "unhandled",
                              f->a, f->c);
      else
        r = rl_project_report(px, self, f,
                              "the promise of '%s' is neither awaited, returned nor given a "
                              "rejection handler: the code after line %u runs while it is "
                              "still pending, and a rejection is unhandled",
                              f->a, f->loc.line);
      rl_project_related(px, r, fn, "'%s' is declared async here", fn->fn.name);
      rl_project_fix(px, r, f);
    }
  }
}

static const RlKind kinds[] = {RL_JS_EXPRESSION_STATEMENT, RL_JS_ARROW_FUNCTION};

const RlRule rl_rule_floating_promise = {
    .id = "floating-promise",
    .title = "Floating promise",
    .summary = "Finds promises that are neither awaited, returned, stored nor given a rejection handler, so their failure is unhandled.",
    .langs = RL_LANG_JSTS,
    .severity = RL_SEV_WARNING,
    .category = RL_CAT_CONCURRENCY,
    .precision = "medium",
    /* held-out TRUE 25%, 56%, 20% over every shape: racelint:recommended
     * reports only default_shape() unless the rule is turned on
     * (rules/floating-promise.md, "The default shape") */
    .narrow_default = true,
    .hint = "Await it inside try/catch, return it, or hand it to the runtime's runInBackground(fn, onError) (runtime/js).",
    .kinds = kinds,
    .nkinds = RL_COUNTOF(kinds),
    .begin_file = begin_file,
    .check = check,
    .project = project,
};
